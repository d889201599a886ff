#!/usr/bin/env python3
"""Writes a NannyML-style analysis (a labelled reference and a labelled analysis period of a binary classifier, both
logged every five minutes) and the values NannyML's definitions give on it, computed here with NumPy and SciPy only:
size-based chunks (incomplete last chunk kept), each chunk compared with the whole reference, thresholds from the
reference's own chunks (mean + 3 standard deviations, ddof 0, no lower threshold, clipped to the statistic's range),
chi-square alerts at p < 0.05, and realized quality per chunk with scikit-learn's definitions written out.

Run from this folder: python3 generate.py (NumPy 2, SciPy 1.17); it rewrites reference.csv, analysis.csv and
expected.json. NannyMLStyleAnalysisTest runs `driftwatch check` on the CSVs and holds every number to expected.json.
"""
import json
import math
from datetime import datetime, timedelta, timezone

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency, ks_2samp, wasserstein_distance

CHUNK = 500
REFERENCE_ROWS = 5000
ANALYSIS_ROWS = 5250
REGIONS = ["east", "south", "west", "central"]
START = datetime(2026, 9, 1, tzinfo=timezone.utc)


def draw(rng, rows, first_row, shifted_from):
    """Rows of the log; from row `shifted_from` on (within this draw) income shifts, a region appears, the model worsens."""
    data = []
    for i in range(rows):
        shifted = i >= shifted_from
        income = round(float(rng.normal(52_000 + (9_000 if shifted else 0), 12_000)), 2)
        missing_income = rng.random() < 0.02
        tenure = int(rng.integers(0, 10))
        region_p = [0.3, 0.3, 0.25, 0.15] if not shifted else [0.2, 0.25, 0.2, 0.35]
        region = str(rng.choice(REGIONS, p=region_p))
        if shifted and rng.random() < 0.15:
            region = "north"
        has_card = bool(rng.random() < (0.6 if not shifted else 0.45))
        logit = (income - 52_000) / 15_000 + 0.15 * tenure - 0.8 + (0.5 if has_card else 0)
        label = int(rng.random() < 1 / (1 + math.exp(-logit)))
        noise = rng.normal(0, 1.6 if shifted else 0.9)
        score = round(1 / (1 + math.exp(-(logit + noise))), 4)
        timestamp = START + timedelta(minutes=5 * (first_row + i))
        data.append({
            "request_id": f"req-{first_row + i:06d}",
            "scored_at": timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "income": None if missing_income else income,
            "tenure": tenure,
            "region": region,
            "has_card": "true" if has_card else "false",
            "score": score,
            "prediction": int(score >= 0.5),
            "label": label,
        })
    return data


COLUMNS = ["request_id", "scored_at", "income", "tenure", "region", "has_card", "score", "prediction", "label"]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write(",".join(COLUMNS) + "\n")
        for row in rows:
            out.write(",".join("" if row[c] is None else str(row[c]) for c in COLUMNS) + "\n")


def chunks(rows):
    """NannyML's SizeBasedChunker with incomplete='keep': full chunks of CHUNK rows, then the remainder as one chunk."""
    return [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]


def numbers(rows, column):
    return np.array([float(r[column]) for r in rows if r[column] is not None])


def labels_of(rows, column):
    return [str(r[column]) for r in rows if r[column] is not None]


class Ks:
    name = "ks"

    def __init__(self, reference):
        self.reference = reference

    def value(self, current):
        return float(ks_2samp(self.reference, current).statistic), None


class Wasserstein:
    name = "wasserstein"

    def __init__(self, reference):
        self.reference = reference

    def value(self, current):
        return float(wasserstein_distance(self.reference, current)), None


class JensenShannonNumeric:
    """NannyML: continuous when more than 50 distinct values or more than 10% distinct; Doane edges; else per value."""
    name = "jensen_shannon"

    def __init__(self, reference):
        distinct = np.unique(reference)
        self.continuous = len(distinct) > 50 or len(distinct) / len(reference) > 0.1
        if self.continuous:
            self.bins = np.histogram_bin_edges(reference, bins="doane")
            self.reference_shares = np.histogram(reference, bins=self.bins)[0] / len(reference)
        else:
            values, counts = np.unique(reference, return_counts=True)
            self.bins = values
            self.reference_shares = counts / len(reference)

    def value(self, current):
        if self.continuous:
            shares = np.histogram(current, bins=self.bins)[0] / len(current)
        else:
            values, counts = np.unique(current, return_counts=True)
            by_value = dict(zip(values.tolist(), counts.tolist()))
            shares = np.array([by_value.get(v, 0) for v in self.bins.tolist()]) / len(current)
        return js(self.reference_shares, shares), None


def js(reference_shares, shares):
    reference_shares = np.array(reference_shares, dtype=float)
    leftover = 1 - np.sum(shares)
    if leftover > 0:
        shares = np.append(shares, leftover)
        reference_shares = np.append(reference_shares, 0)
    return float(jensenshannon(reference_shares, shares, base=2))


class JensenShannonCategorical:
    name = "jensen_shannon"

    def __init__(self, reference):
        values, counts = np.unique(np.array(reference), return_counts=True)
        self.bins = values.tolist()
        self.reference_shares = counts / len(reference)

    def value(self, current):
        values, counts = np.unique(np.array(current), return_counts=True)
        by_value = dict(zip(values.tolist(), counts.tolist()))
        shares = np.array([by_value.get(v, 0) for v in self.bins]) / len(current)
        return js(self.reference_shares, shares), None


class ChiSquareContingency:
    name = "chi_square_contingency"

    def __init__(self, reference):
        values, counts = np.unique(np.array(reference), return_counts=True)
        self.reference = dict(zip(values.tolist(), counts.tolist()))

    def value(self, current):
        values, counts = np.unique(np.array(current), return_counts=True)
        current_counts = dict(zip(values.tolist(), counts.tolist()))
        categories = sorted(set(self.reference) | set(current_counts))
        table = np.array([[self.reference.get(c, 0) for c in categories], [current_counts.get(c, 0) for c in categories]])
        result = chi2_contingency(table.T)
        return float(result.statistic), float(result.pvalue)


class LInfinity:
    name = "l_infinity"

    def __init__(self, reference):
        values, counts = np.unique(np.array(reference), return_counts=True)
        self.reference = dict(zip(values.tolist(), (counts / len(reference)).tolist()))

    def value(self, current):
        values, counts = np.unique(np.array(current), return_counts=True)
        shares = dict(zip(values.tolist(), (counts / len(current)).tolist()))
        return float(max(abs(self.reference.get(c, 0) - shares.get(c, 0)) for c in set(self.reference) | set(shares))), None


NUMERIC = {"income": [Ks, JensenShannonNumeric, Wasserstein], "tenure": [Ks, JensenShannonNumeric, Wasserstein]}
CATEGORICAL = {"region": [ChiSquareContingency, JensenShannonCategorical, LInfinity],
               "has_card": [ChiSquareContingency, JensenShannonCategorical, LInfinity]}
UPPER_LIMIT = {"ks": 1.0, "jensen_shannon": None, "wasserstein": None, "l_infinity": None}


def drift(reference_rows, reference_chunks, analysis_chunks):
    results = {}
    for column, methods in list(NUMERIC.items()) + list(CATEGORICAL.items()):
        read = numbers if column in NUMERIC else labels_of
        for method_class in methods:
            method = method_class(read(reference_rows, column))
            reference_values = [method.value(read(chunk, column)) for chunk in reference_chunks]
            entry = {"reference": [v for v, _ in reference_values],
                     "reference_p": [p for _, p in reference_values]}
            analysis_values = [method.value(read(chunk, column)) for chunk in analysis_chunks]
            entry["analysis"] = [v for v, _ in analysis_values]
            entry["analysis_p"] = [p for _, p in analysis_values]
            if method.name == "chi_square_contingency":
                entry["upper_threshold"] = None
                entry["reference_alerts"] = [p < 0.05 for _, p in reference_values]
                entry["analysis_alerts"] = [p < 0.05 for _, p in analysis_values]
            else:
                values = np.array(entry["reference"])
                upper = float(np.mean(values) + 3 * np.std(values))
                limit = UPPER_LIMIT[method.name]
                if limit is not None and upper > limit:
                    upper = limit
                entry["upper_threshold"] = upper
                entry["reference_alerts"] = [v > upper for v in entry["reference"]]
                entry["analysis_alerts"] = [v > upper for v in entry["analysis"]]
            if method.name == "wasserstein":
                # driftwatch's wasserstein is the distance divided by the reference's standard deviation (ddof 0), as
                # Evidently's; NannyML's is not divided. The threshold scales alike, so the alerts are the same.
                entry["reference_std"] = float(np.std(read(reference_rows, column)))
            results[column + "/" + method.name] = entry
    return results


def quality(rows):
    y = np.array([r["label"] for r in rows])
    predicted = np.array([r["prediction"] for r in rows])
    score = np.array([r["score"] for r in rows])
    tp = int(np.sum((predicted == 1) & (y == 1)))
    tn = int(np.sum((predicted == 0) & (y == 0)))
    fp = int(np.sum((predicted == 1) & (y == 0)))
    fn = int(np.sum((predicted == 0) & (y == 1)))
    n = len(y)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    specificity = tn / (tn + fp) if tn + fp else float("nan")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")
    eps = np.finfo(float).eps
    p_true = np.clip(np.where(y == 1, score, 1 - score), eps, 1 - eps)
    per_class = []
    for positive in (0, 1):
        tp_c = int(np.sum((predicted == positive) & (y == positive)))
        fp_c = int(np.sum((predicted == positive) & (y != positive)))
        fn_c = int(np.sum((predicted != positive) & (y == positive)))
        p_c = tp_c / (tp_c + fp_c) if tp_c + fp_c else 0.0
        r_c = tp_c / (tp_c + fn_c) if tp_c + fn_c else 0.0
        f_c = 2 * tp_c / (2 * tp_c + fp_c + fn_c) if tp_c + fp_c + fn_c else 0.0
        per_class.append((p_c, r_c, f_c))
    return {
        "rows": n, "tp": tp, "tn": tn, "fp": fp, "fn": fn,
        "log_loss": float(np.mean(-np.log(p_true))),
        "macro_precision": float(np.mean([c[0] for c in per_class])),
        "macro_recall": float(np.mean([c[1] for c in per_class])),
        "macro_f1": float(np.mean([c[2] for c in per_class])),
        "accuracy": (tp + tn) / n, "precision": precision, "recall": recall, "f1": f1, "specificity": specificity,
        "balanced_accuracy": (recall + specificity) / 2,
        "roc_auc": roc_auc(y, score), "average_precision": average_precision(y, score),
        "business_value": tn * 0 + fp * -100 + fn * -500 + tp * 200,
    }


METRICS = ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "specificity", "average_precision",
           "macro_precision", "macro_recall", "macro_f1", "roc_auc", "log_loss", "business_value"]
UNBOUNDED_ABOVE = {"log_loss", "business_value"}


def quality_with_bands(reference, analysis):
    """NannyML's realized-performance thresholds: mean -/+ 3 std (ddof 0) over the reference chunks, clipped to [0, 1]
    (the business value unclipped); a chunk alerts when its value lies outside."""
    bands = {}
    for metric in METRICS:
        values = np.array([chunk[metric] for chunk in reference])
        lower = float(np.nanmean(values) - 3 * np.nanstd(values))
        upper = float(np.nanmean(values) + 3 * np.nanstd(values))
        if metric != "business_value":
            lower = max(lower, 0.0)
        if metric not in UNBOUNDED_ABOVE:
            upper = min(upper, 1.0)
        bands[metric] = {"lower": lower, "upper": upper}
    for chunks in (reference, analysis):
        for chunk in chunks:
            chunk["alerts"] = [m for m in METRICS if chunk[m] < bands[m]["lower"] or chunk[m] > bands[m]["upper"]]
    return {"reference": reference, "analysis": analysis, "bands": bands}


def roc_auc(y, score):
    """Mann-Whitney U over the scores, ties counted a half: scikit-learn's roc_auc_score for a binary label."""
    positives = score[y == 1]
    negatives = score[y == 0]
    greater = sum(np.sum(p > negatives) + 0.5 * np.sum(p == negatives) for p in positives)
    return float(greater / (len(positives) * len(negatives)))


def average_precision(y, score):
    """scikit-learn's step sum: thresholds at the distinct scores, high to low; sum of (R_n - R_n-1) P_n."""
    order = np.argsort(-score, kind="mergesort")
    score, y = score[order], y[order]
    distinct = np.where(np.diff(score))[0]
    ends = np.r_[distinct, len(y) - 1]
    tps = np.cumsum(y)[ends]
    fps = 1 + ends - tps
    precision = tps / (tps + fps)
    recall = tps / tps[-1]
    previous = np.r_[0, recall[:-1]]
    return float(np.sum((recall - previous) * precision))


def main():
    rng = np.random.default_rng(20261207)
    reference = draw(rng, REFERENCE_ROWS, 0, REFERENCE_ROWS)
    analysis = draw(rng, ANALYSIS_ROWS, REFERENCE_ROWS, 3000)
    write("reference.csv", reference)
    write("analysis.csv", analysis)
    reference_chunks, analysis_chunks = chunks(reference), chunks(analysis)
    expected = {
        "chunk_rows": CHUNK,
        "reference_chunks": [{"first_row": i * CHUNK + 1, "last_row": i * CHUNK + len(c), "rows": len(c),
                              "start": c[0]["scored_at"], "end": c[-1]["scored_at"]} for i, c in enumerate(reference_chunks)],
        "analysis_chunks": [{"first_row": i * CHUNK + 1, "last_row": i * CHUNK + len(c), "rows": len(c),
                             "start": c[0]["scored_at"], "end": c[-1]["scored_at"]} for i, c in enumerate(analysis_chunks)],
        "drift": drift(reference, reference_chunks, analysis_chunks),
        "quality": quality_with_bands([quality(c) for c in reference_chunks], [quality(c) for c in analysis_chunks]),
        "business_value_matrix": [[0, -100], [-500, 200]],
    }
    with open("expected.json", "w", encoding="utf-8") as out:
        json.dump(expected, out, indent=1, allow_nan=True)
        out.write("\n")


if __name__ == "__main__":
    main()
