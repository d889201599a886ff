"""Reference values for io.driftwatch.stats.quality, computed with scikit-learn's definitions.

scikit-learn is not a dependency, so its definitions are written out with NumPy and SciPy:
- precision, recall, F1 per class over unique_labels(y_true, y_pred), zero_division=0,
  F1 = 2 tp / (2 tp + fp + fn); macro = unweighted mean over those labels; accuracy = mean(y_true == y_pred);
- roc_auc_score(multi_class="ovr", average="macro"): per class of the score columns, the Mann-Whitney U of
  the positives' scores against the rest (average ranks for ties, scipy.stats.rankdata) over n_pos * n_neg,
  averaged over the classes; cross-checked against scipy.stats.mannwhitneyu;
- log_loss (scikit-learn >= 1.5): probabilities clipped to [eps, 1 - eps], eps = np.finfo(np.float64).eps,
  mean of -log(p of the true class); the rows here sum to one, so older versions' renormalization agrees;
- mean_absolute_error, root_mean_squared_error, mean_absolute_percentage_error (|y - p| / max(|y|, eps)),
  mean error = mean(p - y).
Run: python3 quality_reference.py > quality_reference.json
"""
import json

import numpy as np
from scipy.stats import mannwhitneyu, rankdata

EPS = np.finfo(np.float64).eps
rng = np.random.default_rng(20261120)


def classification_case():
    classes = ["cat", "dog", "fox"]
    n = 400
    actual = rng.choice(classes, size=n, p=[0.5, 0.3, 0.2])
    records = []
    for i in range(n):
        logits = rng.normal(0, 1, 3)
        logits[classes.index(actual[i])] += 1.2
        p = np.exp(logits) / np.exp(logits).sum()
        p = np.round(p, 2)  # two decimals: many tied scores, as real models' rounded outputs have
        p[2] = round(1.0 - p[0] - p[1], 2)
        if p[2] < 0:
            p[1] += p[2]
            p[2] = 0.0
        if i % 97 == 5:  # a confident miss: the true class scored exactly 0, so clipping decides the loss
            p = np.zeros(3)
            p[(classes.index(actual[i]) + 1) % 3] = 1.0
        predicted = classes[int(np.argmax(p))]
        if i % 131 == 7:
            predicted = "owl"  # a class the model predicts that never occurs and has no score column
        records.append({"predicted": predicted, "actual": str(actual[i]),
                        "scores": {c: float(p[k]) for k, c in enumerate(classes)},
                        "segment": "NO" if rng.random() < 0.6 else "SE"})
    return classes, records


def class_metrics(y_true, y_pred):
    labels = sorted(set(y_true) | set(y_pred))
    per_class = {}
    for label in labels:
        tp = int(np.sum((y_true == label) & (y_pred == label)))
        fp = int(np.sum((y_true != label) & (y_pred == label)))
        fn = int(np.sum((y_true == label) & (y_pred != label)))
        precision = tp / (tp + fp) if tp + fp > 0 else 0.0
        recall = tp / (tp + fn) if tp + fn > 0 else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn > 0 else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return {
        "accuracy": float(np.mean(y_true == y_pred)),
        "macro_precision": float(np.mean([v["precision"] for v in per_class.values()])),
        "macro_recall": float(np.mean([v["recall"] for v in per_class.values()])),
        "macro_f1": float(np.mean([v["f1"] for v in per_class.values()])),
        "per_class": per_class,
    }


def roc_auc_ovr(y_true, scores, classes):
    aucs = []
    for k, label in enumerate(classes):
        positive = y_true == label
        n_pos, n_neg = int(positive.sum()), int((~positive).sum())
        ranks = rankdata(scores[:, k])
        auc = (ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
        u = mannwhitneyu(scores[positive, k], scores[~positive, k]).statistic
        assert abs(auc - u / (n_pos * n_neg)) < 1e-12
        aucs.append(auc)
    return float(np.mean(aucs))


def log_loss(y_true, scores, classes):
    clipped = np.clip(scores, EPS, 1 - EPS)
    truth = np.array([classes.index(y) for y in y_true])
    return float(np.mean(-np.log(clipped[np.arange(len(y_true)), truth])))


def classification():
    classes, records = classification_case()
    y_true = np.array([r["actual"] for r in records])
    y_pred = np.array([r["predicted"] for r in records])
    scores = np.array([[r["scores"][c] for c in classes] for r in records])
    expected = class_metrics(y_true, y_pred)
    expected["roc_auc"] = roc_auc_ovr(y_true, scores, classes)
    expected["log_loss"] = log_loss(y_true, scores, classes)
    confusion = {}
    for a, p in zip(y_true, y_pred):
        confusion.setdefault(str(a), {}).setdefault(str(p), 0)
        confusion[str(a)][str(p)] += 1
    expected["confusion"] = confusion
    segments = {}
    for segment in ("NO", "SE"):
        mask = np.array([r["segment"] == segment for r in records])
        m = class_metrics(y_true[mask], y_pred[mask])
        segments[segment] = {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"], "labelled": int(mask.sum())}
    expected["segments"] = segments
    return {"records": records, "expected": expected}


def regression():
    n = 300
    y = rng.normal(50, 12, n)
    p = y + rng.normal(1.5, 4, n)
    error = p - y
    return {
        "records": [{"predicted": float(a), "actual": float(b)} for a, b in zip(p, y)],
        "expected": {
            "mae": float(np.mean(np.abs(error))),
            "rmse": float(np.sqrt(np.mean(error ** 2))),
            "mape": float(np.mean(np.abs(error) / np.maximum(np.abs(y), EPS))),
            "mean_error": float(np.mean(error)),
        },
    }


print(json.dumps({"classification": classification(), "regression": regression()}, indent=1))
