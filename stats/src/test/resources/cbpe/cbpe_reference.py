"""Reference values for io.driftwatch.stats.estimate, written from NannyML's definitions (commit 11ef5c86:
nannyml/calibration.py, performance_estimation/confidence_based/{cbpe,metrics}.py, sampling_error/*.py,
thresholds.py) in NumPy, since scikit-learn is not available here.

Run from this directory:  python3 cbpe_reference.py
It writes cbpe_cases.json (the generated inputs the Java tests read) and prints the expected values the tests
hold as literals. Where NannyML is random or order-dependent the script states the deterministic rule used instead
(the Java code follows the same rule):
  * needs_calibration: NannyML draws 10 StratifiedShuffleSplit(test_size=0.1, random_state=42) splits; here the
    reference is cut into 10 stratified folds (the i-th row of each class goes to fold i mod 10), each fold is
    calibrated by an isotonic fit on the other nine, and the folds' test parts are concatenated in fold order.
  * every sort is stable (NumPy's default argsort is not): ties keep row order, which NannyML leaves unspecified.
"""
import json

import numpy as np

ROUND = 5  # NannyML rounds the expected cumulative counts to 5 decimals before building the curves


# ---------- isotonic regression as sklearn's IsotonicRegression(out_of_bounds='clip', increasing=True) ----------
def isotonic_fit(x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    order = np.lexsort((y, x))
    x, y = x[order], y[order]
    ux, inverse = np.unique(x, return_inverse=True)
    w = np.bincount(inverse).astype(float)
    ym = np.bincount(inverse, weights=y) / w  # ties in x merged into their weighted mean
    # pool adjacent violators
    vals, wts, counts = [], [], []
    for v, ww in zip(ym, w):
        vals.append(v); wts.append(ww); counts.append(1)
        while len(vals) > 1 and vals[-2] > vals[-1]:
            v2, w2, c2 = vals.pop(), wts.pop(), counts.pop()
            v1, w1, c1 = vals.pop(), wts.pop(), counts.pop()
            vals.append((v1 * w1 + v2 * w2) / (w1 + w2)); wts.append(w1 + w2); counts.append(c1 + c2)
    fitted = np.repeat(vals, counts)
    return ux, fitted


def isotonic_predict(model, s):
    ux, fy = model
    s = np.clip(np.asarray(s, float), ux[0], ux[-1])
    if len(ux) == 1:
        return np.full(s.shape, fy[0])
    return np.interp(s, ux, fy)


# ---------- NannyML's calibration rule ----------
def bin_edges(n, bins=10):
    if n <= 2 * bins:
        bins = n // 2
        if bins < 2:
            raise ValueError("too small")
    width = n // bins
    edges = np.asarray(range(0, n + 1, width))
    edges[-1] = n
    return list(zip(edges[:-1], edges[1:]))


def ece(y, p, edges):
    order = np.argsort(p, kind="stable")
    p, y = p[order], y[order]
    return sum((r - l) / len(p) * abs(np.mean(p[l:r]) - np.mean(y[l:r])) for l, r in edges)


def auc_ties(y, s):
    pos, neg = s[y == 1], s[y == 0]
    greater = (pos[:, None] > neg[None, :]).sum()
    equal = (pos[:, None] == neg[None, :]).sum()
    return (greater + 0.5 * equal) / (len(pos) * len(neg))


def folds(y, k=10):
    f = np.empty(len(y), int)
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        f[idx] = np.arange(len(idx)) % k
    return f


def needs_calibration(y, s):
    if len(np.unique(y)) == 1:
        return False, None, None
    if auc_ties(y, s) > 0.999:
        return False, None, None
    f = folds(y)
    ys, ss, cs = [], [], []
    for k in range(10):
        test, train = f == k, f != k
        if not test.any():
            continue
        m = isotonic_fit(s[train], y[train])
        ys.append(y[test]); ss.append(s[test]); cs.append(isotonic_predict(m, s[test]))
    yv, sv, cv = np.concatenate(ys), np.concatenate(ss), np.concatenate(cs)
    edges = bin_edges(len(sv))
    before, after = ece(yv, sv, edges), ece(yv, cv, edges)
    return bool(before > after), before, after


# ---------- estimated metrics (metrics.py) ----------
def expected_cm(yp, p):
    tp = np.sum(np.where(yp == 1, p, 0)); fp = np.sum(np.where(yp == 1, 1 - p, 0))
    fn = np.sum(np.where(yp == 0, p, 0)); tn = np.sum(np.where(yp == 0, 1 - p, 0))
    return tp, fp, fn, tn


def estimates(yp, p, bv, n):
    tp, fp, fn, tn = expected_cm(yp, p)
    cm = np.array([[tn, fp], [fn, tp]])
    with np.errstate(all="ignore"):
        per_pred = np.nan_to_num(cm / cm.sum(axis=0, keepdims=True))
    return {
        "accuracy": (tp + tn) / n, "precision": tp / (tp + fp), "recall": tp / (tp + fn),
        "specificity": tn / (tn + fp), "f1": tp / (tp + 0.5 * (fp + fn)),
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "tp_true": tp / (tp + fn), "fp_pred": fp / (tp + fp), "tn_all": tn / n,
        "business_value": None if bv is None else (bv * cm).sum(),
        "business_value_per_prediction": None if bv is None else (bv * per_pred).sum(),
    }


def rounded(v):
    return np.round(v, ROUND)


def descending(scores, p):
    return np.lexsort((-p, -scores))  # by score, descending; ties by calibrated probability, descending


def estimated_roc_auc(p, scores):
    p = p[descending(scores, p)]
    tps = np.cumsum(p); fps = 1 + np.arange(len(p)) - tps
    tps = rounded(np.r_[0, tps]); fps = rounded(np.r_[0, fps])
    tpr, fpr = tps / tps[-1], fps / fps[-1]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


def estimated_ap(p, scores):
    p = p[descending(scores, p)]
    tps = np.cumsum(p); tps = rounded(tps)
    precision = np.r_[1, tps / np.arange(1, len(p) + 1)]
    tps = np.r_[0, tps]; recall = tps / tps[-1]
    precision, recall = precision[::-1], recall[::-1]
    return float(-np.sum(np.diff(recall) * precision[:-1]))


# ---------- sampling error components (sampling_error/binary_classification.py) ----------
def se_components(y, yp, s, bv):
    n = len(y)
    tp = (y == yp) & (yp == 1); fp = (y != yp) & (yp == 1); fn = (y != yp) & (yp == 0); tn = (y == yp) & (yp == 0)
    out = {}
    out["accuracy"] = (np.std((y == yp).astype(float)), 1.0)
    out["precision"] = (np.std(np.r_[np.ones(tp.sum()), np.zeros(fp.sum())]), yp.sum() / n)
    out["recall"] = (np.std(np.r_[np.ones(tp.sum()), np.zeros(fn.sum())]), y.sum() / n)
    out["specificity"] = (np.std(np.r_[np.ones(tn.sum()), np.zeros(fp.sum())]), (tn.sum() + fp.sum()) / n)
    relevant = tp.sum() + fn.sum() + fp.sum()
    factor = relevant / ((fn.sum() + fp.sum()) * 0.5 + tp.sum())
    out["f1"] = (np.std(np.r_[np.ones(tp.sum()), np.zeros(fn.sum() + fp.sum())] * factor), relevant / n)
    yy, ss = y.copy(), s.copy()
    if np.mean(yy) > 0.5:
        yy, ss = 1 - yy, 1 - ss
    order = np.argsort(ss, kind="stable")
    yy = yy[order]
    ranks = np.unique(yy * np.arange(n))[1:]
    ser = ranks - np.arange(len(ranks))
    npos = yy.sum(); nneg = n - npos
    out["roc_auc"] = (np.std(ser / nneg), npos / n)
    values = tp * bv[1, 1] + tn * bv[0, 0] + fp * bv[0, 1] + fn * bv[1, 0]
    out["business_value"] = (np.std(values.astype(float)), None)
    out["tp_none"] = (np.std(tp.astype(float)), None)
    out["tp_true"] = (np.std(np.r_[np.ones(tp.sum()), np.zeros(fn.sum())]), (tp.sum() + fn.sum()) / n)
    out["fp_pred"] = (np.std(np.r_[np.ones(fp.sum()), np.zeros(tp.sum())]), (tp.sum() + fp.sum()) / n)
    return out


def se(components, n):
    std, fraction = components
    return std / np.sqrt(n * fraction)


# ---------- average precision's sampling error: NannyML's bootstrap, drawn by SplitMix64 instead of NumPy ----------
MASK = (1 << 64) - 1


def splitmix_rows(seed, count, n):
    state, rows = seed, []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        rows.append((z >> 1) % n)
    return np.array(rows), state


def average_precision(y, s):
    """scikit-learn's average_precision_score: sum over distinct thresholds of (R_k - R_k-1) * P_k."""
    thresholds = np.unique(s)[::-1]
    tps = np.array([np.sum(y[s >= t]) for t in thresholds])
    predicted = np.array([np.sum(s >= t) for t in thresholds])
    recall = np.r_[0, tps / tps[-1]]
    return float(np.sum(np.diff(recall) * tps / predicted))


def ap_sampling_error(y, s, seed=42, experiments=50):
    size = min(len(y) // 2, 50_000)
    state, results = seed, []
    for _ in range(experiments):
        state_rows, state = splitmix_rows(state, size, len(y))
        results.append(average_precision(y[state_rows], s[state_rows]))
    return float(np.std(results)), size


# ---------- thresholds.py ----------
def thresholds(values, lo=None, hi=None, k=3):
    m, sd = np.nanmean(values), np.nanstd(values)
    lower, upper = m - k * sd, m + k * sd
    if lo is not None and lower <= lo:
        lower = lo
    if hi is not None and upper >= hi:
        upper = hi
    return lower, upper


def realized_precision(y, yp):
    if len(np.unique(y)) <= 1 or len(np.unique(yp)) <= 1:
        return np.nan
    tp = np.sum((y == 1) & (yp == 1)); fp = np.sum((y == 0) & (yp == 1))
    return tp / (tp + fp) if tp + fp else 0.0


# ---------- multiclass ----------
def mc_calibrate(models, scores):
    cal = np.column_stack([m(scores[:, c]) for c, m in enumerate(models)])
    den = cal.sum(axis=1)[:, None]
    uniform = np.full_like(cal, 1 / cal.shape[1])
    return np.divide(cal, den, out=uniform, where=den != 0)


def mc_realized(y, yp, k):
    """NannyML's realized multiclass metrics: NaN when the labels or the predictions hold one class, else sklearn's
    macro scores with zero_division 0; accuracy the share predicted correctly."""
    if len(np.unique(y)) <= 1 or len(np.unique(yp)) <= 1:
        return {name: np.nan for name in ["accuracy", "macro_precision", "macro_recall", "macro_f1"]}
    per = []
    for c in range(k):
        tp = np.sum((y == c) & (yp == c)); fp = np.sum((y != c) & (yp == c)); fn = np.sum((y == c) & (yp != c))
        per.append((tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0,
                    2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0))
    per = np.array(per)
    return {"accuracy": float(np.mean(y == yp)), "macro_precision": float(per[:, 0].mean()),
            "macro_recall": float(per[:, 1].mean()), "macro_f1": float(per[:, 2].mean())}


def mc_estimates(yp, p, k, n):
    """driftwatch's multiclass estimates: NannyML's per-class binary estimates averaged; ROC AUC ranks each class's
    rows by its normalised calibrated probability (NannyML ranks by the raw score)."""
    per = [estimates((yp == c).astype(int), p[:, c], None, n) for c in range(k)]
    with np.errstate(all="ignore"):
        mc = {"macro_" + name: float(np.mean([e[name] for e in per])) for name in ["precision", "recall", "f1"]}
    mc["accuracy"] = float(np.mean(np.max(np.eye(k)[yp] * p, axis=1)))
    mc["roc_auc"] = float(np.mean([estimated_roc_auc(p[:, c], p[:, c]) for c in range(k)]))
    return mc


def main():
    rng = np.random.default_rng(20261207)
    cases, expected = {}, {}
    bv = np.array([[5.0, -10.0], [-50.0, 20.0]])

    # binary, miscalibrated scores with ties (two decimals)
    n = 1000
    truth = rng.beta(2, 3, n)
    y = (rng.random(n) < truth).astype(int)
    scores = np.round(np.clip(truth ** 0.6, 0, 1), 2)
    yp = (scores >= 0.5).astype(int)
    need, before, after = needs_calibration(y, scores)
    model = isotonic_fit(scores, y)
    expected["binary_needs_calibration"] = need
    expected["binary_ece_before"] = before
    expected["binary_ece_after"] = after
    probe = np.array([0.0, 0.005, 0.33, 0.335, 0.5, 0.777, 0.99, 1.0])
    expected["binary_isotonic_at_probe"] = isotonic_predict(model, probe).tolist()
    # analysis chunk, shifted towards the uncertain middle
    m = 400
    truth_a = rng.beta(3, 3, m)
    scores_a = np.round(np.clip(truth_a ** 0.6, 0, 1), 2)
    yp_a = (scores_a >= 0.5).astype(int)
    p_a = isotonic_predict(model, scores_a) if need else scores_a
    est = estimates(yp_a, p_a, bv, m)
    est["roc_auc"] = estimated_roc_auc(p_a, scores_a)
    est["average_precision"] = estimated_ap(p_a, scores_a)
    expected["binary_estimates"] = est
    comps = se_components(y, yp, scores, bv)
    expected["binary_se_components"] = {k: [float(v[0]), None if v[1] is None else float(v[1])] for k, v in comps.items()}
    expected["binary_se_at_400"] = {k: float(se(v, m)) for k, v in comps.items() if v[1] is not None}
    expected["binary_se_at_400"]["business_value"] = float(comps["business_value"][0] * m / np.sqrt(m))
    expected["binary_se_at_400"]["business_value_per_prediction"] = float(comps["business_value"][0] / np.sqrt(m))
    expected["binary_se_at_400"]["tp_none"] = float(comps["tp_none"][0] / np.sqrt(m) * m)
    ap_std, ap_size = ap_sampling_error(y, scores)
    expected["binary_ap_sampling_error"] = {"std": ap_std, "resample_size": ap_size,
                                            "se_at_400": ap_std * np.sqrt(ap_size / m),
                                            "realized_ap_of_reference": average_precision(y, scores)}
    # reference chunks of 100 rows: realized precision and its thresholds; one chunk made single-class
    y_chunks = y.copy()
    y_chunks[900:] = 1
    realized = np.array([realized_precision(y_chunks[i:i + 100], yp[i:i + 100]) for i in range(0, n, 100)])
    expected["precision_realized_chunks"] = realized.tolist()
    expected["precision_thresholds"] = thresholds(realized, 0, 1)
    bv_chunks = np.array([estimates(yp[i:i + 100], y[i:i + 100].astype(float), bv, 100)["business_value"]
                          for i in range(0, n, 100)])
    expected["business_value_chunks"] = bv_chunks.tolist()
    expected["business_value_thresholds"] = thresholds(bv_chunks)
    # a chunk whose predictions are all positive
    one = scores_a >= 0.5
    p_one = p_a[one]
    est_one = estimates(np.ones(one.sum(), int), p_one, bv, int(one.sum()))
    expected["one_class_chunk"] = {"size": int(one.sum()), **est_one}

    # binary, calibrated scores (the scores are the true probabilities)
    truth_c = rng.beta(2, 2, n)
    y_c = (rng.random(n) < truth_c).astype(int)
    need_c, before_c, after_c = needs_calibration(y_c, truth_c)
    expected["calibrated_needs_calibration"] = need_c
    expected["calibrated_ece_before"] = before_c
    expected["calibrated_ece_after"] = after_c
    yp_c = (truth_c >= 0.5).astype(int)
    est_c = estimates(yp_c, truth_c, bv, n)
    est_c["roc_auc"] = estimated_roc_auc(truth_c, truth_c)
    est_c["average_precision"] = estimated_ap(truth_c, truth_c)
    expected["calibrated_estimates"] = est_c

    cases["binary"] = {"scores": scores.tolist(), "labels": y.tolist(),
                       "analysis_scores": scores_a.tolist()}
    cases["calibrated"] = {"scores": truth_c.tolist(), "labels": y_c.tolist()}

    # multiclass: three classes, softmax of distorted logits, scores rounded to 2 decimals
    k, nm = 3, 900
    logits = rng.normal(0, 1.2, (nm, k))
    true_p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y_m = np.array([rng.choice(k, p=row) for row in true_p])
    model_logits = logits * 1.8
    s_m = np.exp(model_logits) / np.exp(model_logits).sum(axis=1, keepdims=True)
    s_m = np.round(s_m, 2)
    # NannyML's carry-over: once one class needs no calibration, every later class is left as it is
    models, needs, carried = [], [], False
    for c in range(k):
        yc = (y_m == c).astype(int)
        need_mc = False if carried else needs_calibration(yc, s_m[:, c])[0]
        needs.append(need_mc)
        if need_mc:
            fitted = isotonic_fit(s_m[:, c], yc)
            models.append(lambda v, f=fitted: isotonic_predict(f, v))
        else:
            carried = True
            models.append(lambda v: np.asarray(v, float))
    expected["multiclass_needs_calibration"] = needs
    ma = 300
    logits_a = rng.normal(0, 0.8, (ma, k)) + np.array([0.5, 0, 0])
    s_ma = np.exp(logits_a * 1.8) / np.exp(logits_a * 1.8).sum(axis=1, keepdims=True)
    s_ma = np.round(s_ma, 2)
    yp_ma = np.argmax(s_ma, axis=1)
    p_ma = mc_calibrate(models, s_ma)
    expected["multiclass_first_row_calibrated"] = p_ma[0].tolist()
    per = [estimates((yp_ma == c).astype(int), p_ma[:, c], bv, ma) for c in range(k)]
    mc = {name: float(np.mean([e[name] for e in per])) for name in ["precision", "recall", "f1", "specificity"]}
    mc["accuracy"] = float(np.mean(np.max(np.eye(k)[yp_ma] * p_ma, axis=1)))
    mc["roc_auc"] = float(np.mean([estimated_roc_auc(p_ma[:, c], s_ma[:, c]) for c in range(k)]))
    expected["multiclass_estimates"] = mc
    # multiclass sampling errors
    yp_m = np.argmax(s_m, axis=1)
    comps_m = {}
    for name in ["precision", "recall", "f1", "specificity"]:
        per_class = []
        for c in range(k):
            t, q = (y_m == c).astype(int), (yp_m == c).astype(int)
            tp = (t == q) & (q == 1); fp = (t != q) & (q == 1); fn = (t != q) & (q == 0); tn = (t == q) & (q == 0)
            if name == "precision":
                obs, frac = np.r_[np.ones(tp.sum()), np.zeros(fp.sum())], q.sum() / nm
            elif name == "recall":
                obs, frac = np.r_[np.ones(tp.sum()), np.zeros(fn.sum())], t.sum() / nm
            elif name == "f1":
                obs = np.r_[np.ones(tp.sum()), np.zeros(fn.sum() + fp.sum())]; frac = len(obs) / nm
            else:
                obs = np.r_[np.ones(tn.sum()), np.zeros(fp.sum())]; frac = len(obs) / nm
            per_class.append((np.var(obs), frac))
        comps_m[name] = float(np.sqrt(sum(v / (ma * f) for v, f in per_class)) / k)
    comps_m["accuracy"] = float(np.std((y_m == yp_m).astype(float)) / np.sqrt(ma))
    auc_parts = []
    for c in range(k):
        yy, ss = (y_m == c).astype(int), s_m[:, c].copy()
        if np.mean(yy) > 0.5:
            yy, ss = 1 - yy, 1 - ss
        yy = yy[np.argsort(ss, kind="stable")]
        ranks = np.unique(yy * np.arange(nm))[1:]
        ser = (ranks - np.arange(len(ranks))) / (nm - yy.sum())
        auc_parts.append((np.var(ser), yy.sum() / nm))
    comps_m["roc_auc"] = float(np.sqrt(sum(v / (ma * f) for v, f in auc_parts)) / k * 1.2)
    expected["multiclass_se_at_300"] = comps_m
    # NannyML's carry-over: class 0 is the calibrated case (needs none); classes 1 and 2 split its negatives by row
    # parity and share a miscalibrated score; each would need calibration on its own
    rows = np.arange(n)
    classes_co = np.where(y_c == 1, 0, np.where(rows % 2 == 0, 1, 2))
    rest = np.round(((1 - truth_c) / 2) ** 0.6, 2)
    expected["carry_over_standalone_needs"] = [needs_calibration((classes_co == 0).astype(int), truth_c)[0],
                                               needs_calibration((classes_co == 1).astype(int), rest)[0],
                                               needs_calibration((classes_co == 2).astype(int), rest)[0]]

    # multiclass CBPE model: the fitted reference in chunks of 100, its estimates of the analysis rows
    yp_m_all = np.argmax(s_m, axis=1)
    chunk_auc = [float(np.mean([auc_ties((y_m[i:i + 100] == c).astype(int), s_m[i:i + 100, c]) for c in range(k)]))
                 for i in range(0, nm, 100)]
    realized_m = [mc_realized(y_m[i:i + 100], yp_m_all[i:i + 100], k) for i in range(0, nm, 100)]
    expected["multiclass_model_thresholds"] = {
        name: thresholds(np.array([r[name] for r in realized_m]), 0, 1)
        for name in ["accuracy", "macro_precision", "macro_recall", "macro_f1"]}
    expected["multiclass_model_thresholds"]["roc_auc"] = thresholds(np.array(chunk_auc), 0, 1)
    expected["multiclass_model_estimates"] = mc_estimates(yp_ma, p_ma, k, ma)
    one_pred = yp_ma == 0
    expected["multiclass_one_class_chunk"] = {"size": int(one_pred.sum()),
                                              **mc_estimates(yp_ma[one_pred], p_ma[one_pred], k, int(one_pred.sum()))}
    # the last reference chunk made single-class: its realized metrics are NaN and leave the thresholds
    y_one = y_m.copy()
    y_one[800:] = 0
    realized_one = [mc_realized(y_one[i:i + 100], yp_m_all[i:i + 100], k) for i in range(0, nm, 100)]
    expected["multiclass_one_class_reference_chunk"] = realized_one[-1]
    expected["multiclass_one_class_thresholds"] = {
        name: thresholds(np.array([r[name] for r in realized_one]), 0, 1)
        for name in ["accuracy", "macro_precision", "macro_recall", "macro_f1"]}
    # calibrated multiclass scores: the true probabilities, no ties, no calibration needed
    models_c, needs_c, carried_c = [], [], False
    for c in range(k):
        yc = (y_m == c).astype(int)
        need_c = False if carried_c else needs_calibration(yc, true_p[:, c])[0]
        needs_c.append(need_c)
        if need_c:
            fitted = isotonic_fit(true_p[:, c], yc)
            models_c.append(lambda v, f=fitted: isotonic_predict(f, v))
        else:
            carried_c = True
            models_c.append(lambda v: np.asarray(v, float))
    true_pa = np.exp(logits_a) / np.exp(logits_a).sum(axis=1, keepdims=True)
    p_ca = mc_calibrate(models_c, true_pa)
    expected["multiclass_calibrated_needs_calibration"] = needs_c
    expected["multiclass_calibrated_estimates"] = mc_estimates(np.argmax(true_pa, axis=1), p_ca, k, ma)
    cases["multiclass_calibrated"] = {"scores": true_p.tolist(), "labels": y_m.tolist(),
                                      "analysis_scores": true_pa.tolist()}
    cases["multiclass"] = {"scores": s_m.tolist(), "labels": y_m.tolist(), "analysis_scores": s_ma.tolist(),
                           "chunk_roc_auc": chunk_auc}

    with open("cbpe_cases.json", "w") as out:
        json.dump(cases, out)
    print(json.dumps(expected, indent=1, default=float))


if __name__ == "__main__":
    main()
