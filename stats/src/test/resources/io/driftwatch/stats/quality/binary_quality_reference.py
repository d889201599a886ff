"""Reference values for BinaryQualityTest, with scikit-learn's and NannyML's definitions written out in NumPy
(neither is installed). Run: python3 binary_quality_reference.py; the test holds the printed numbers.
- binary precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn), specificity tn/(tn+fp);
- balanced_accuracy_score: mean over classes present in y_true of C[i,i]/C[i,:].sum();
- average_precision_score: thresholds at the distinct scores, descending; sum of (R_n - R_{n-1}) * P_n with
  R_n, P_n the recall and precision of "score >= threshold n" (ties enter together);
- NannyML business value: sum(bv * cm) with cm = [[tn, fp], [fn, tp]]; normalize_business_value='per_prediction':
  cm / cm.sum(axis=0) (each predicted-class column by its count, nan -> 0), then sum(bv * cm);
- NannyML confusion matrix normalize='all': each count / n.
"""
import json
import os

import numpy as np

LABELS = [1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]
SCORES = [0.9, 0.4, 0.4, 0.8, 0.1, 0.7, 0.6, 0.4, 0.2, 0.7, 0.3, 0.5, 0.1, 0.6, 0.9, 0.3, 0.4, 0.2, 0.7, 0.5]
BV = np.array([[5.0, -10.0], [-50.0, 100.0]])


def average_precision(y, s):
    y = np.asarray(y)
    s = np.asarray(s, dtype=float)
    positives = y.sum()
    ap, previous_recall = 0.0, 0.0
    for threshold in np.unique(s)[::-1]:
        chosen = s >= threshold
        tp = np.sum(chosen & (y == 1))
        precision = tp / chosen.sum()
        recall = tp / positives
        ap += (recall - previous_recall) * precision
        previous_recall = recall
    return float(ap)


def binary(y, p):
    y, p = np.asarray(y), np.asarray(p)
    tp = int(np.sum((y == 1) & (p == 1)))
    fp = int(np.sum((y == 0) & (p == 1)))
    fn = int(np.sum((y == 1) & (p == 0)))
    tn = int(np.sum((y == 0) & (p == 0)))
    cm = np.array([[tn, fp], [fn, tp]], dtype=float)
    with np.errstate(all="ignore"):
        per_column = np.nan_to_num(cm / cm.sum(axis=0, keepdims=True))
    present = [c for c in (0, 1) if np.sum(y == c) > 0]
    return {
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "shares": (cm / cm.sum()).tolist(),
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None,
        "specificity": tn / (tn + fp) if tn + fp else None,
        "balanced_accuracy": float(np.mean([cm[c, c] / cm[c].sum() for c in present])),
        "business_value": float((BV * cm).sum()),
        "business_value_per_prediction": float((BV * per_column).sum()),
    }


def multiclass_balanced_accuracy():
    with open(os.path.join(os.path.dirname(__file__), "quality_reference.json")) as f:
        records = json.load(f)["classification"]["records"]
    y = np.array([r["actual"] for r in records])
    p = np.array([r["predicted"] for r in records])
    recalls = [np.mean(p[y == c] == c) for c in sorted(set(y))]
    return float(np.mean(recalls))


predicted = [1 if s >= 0.5 else 0 for s in SCORES]
print("ties", json.dumps(binary(LABELS, predicted)), "average_precision", repr(average_precision(LABELS, SCORES)))
print("multiclass balanced_accuracy", repr(multiclass_balanced_accuracy()))
one_class = [0] * 6
print("one class", json.dumps(binary(one_class, [0, 1, 0, 0, 1, 0])))
# check's CLI test: the first ten rows as the reference file, all twenty as the current file.
first = predicted[:10]
print("first ten", json.dumps(binary(LABELS[:10], first)), "average_precision",
      repr(average_precision(LABELS[:10], SCORES[:10])))
