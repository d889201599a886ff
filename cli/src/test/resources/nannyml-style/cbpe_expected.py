#!/usr/bin/env python3
"""Writes cbpe_expected.json: NannyML's CBPE (commit 11ef5c86) of the binary classifier in reference.csv.gz and
analysis.csv.gz, size-500 chunks, computed with the NumPy definitions of stats/src/test/resources/cbpe/
cbpe_reference.py (the same deterministic calibration folds and seeded average-precision bootstrap as driftwatch)
and the realized metrics of generate.py. Fitted on the reference: the calibration decision and isotonic calibrator,
the sampling-error components (raw scores, as NannyML fits them before calibrating), and each metric's thresholds,
mean -/+ 3 std (ddof 0) of its realized value over the reference's chunks, clipped to [0, 1] (business value
unclipped). Per analysis chunk: each estimate, its sampling error, the band of -/+ 3 sampling errors clipped alike,
and whether the estimate lies outside the thresholds.

Run from this folder: python3 cbpe_expected.py (NumPy 2, SciPy 1.17). NannyMlStyleEstimationTest holds
`driftwatch check --estimate-performance` to it.
"""
import csv
import gzip
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../../stats/src/test/resources/cbpe"))
sys.path.insert(0, HERE)

import cbpe_reference as cbpe  # noqa: E402
import generate  # noqa: E402

BUSINESS_VALUE = np.array([[0, -100], [-500, 200]])
METRICS = ["accuracy", "precision", "recall", "specificity", "f1", "roc_auc", "average_precision", "business_value"]


def read(name):
    with gzip.open(os.path.join(HERE, name), "rt", encoding="utf-8") as rows:
        table = list(csv.DictReader(rows))
    return (np.array([int(r["label"]) for r in table]), np.array([int(r["prediction"]) for r in table]),
            np.array([float(r["score"]) for r in table]))


def realized(y, yp, s):
    """NannyML's realized metrics: precision, recall and F1 NaN when the labels or the predictions hold one class."""
    tp = np.sum((yp == 1) & (y == 1)); fp = np.sum((yp == 1) & (y == 0))
    fn = np.sum((yp == 0) & (y == 1)); tn = np.sum((yp == 0) & (y == 0))
    both = len(np.unique(y)) > 1 and len(np.unique(yp)) > 1
    return {
        "accuracy": (tp + tn) / len(y),
        "precision": tp / (tp + fp) if both else np.nan,
        "recall": tp / (tp + fn) if both else np.nan,
        "specificity": tn / (tn + fp) if tn + fp else np.nan,
        "f1": 2 * tp / (2 * tp + fp + fn) if both else np.nan,
        "roc_auc": generate.roc_auc(y, s),
        "average_precision": generate.average_precision(y, s),
        "business_value": float((BUSINESS_VALUE * np.array([[tn, fp], [fn, tp]])).sum()),
    }


def cut(values):
    return [values[i:i + generate.CHUNK] for i in range(0, len(values), generate.CHUNK)]


def main():
    y, yp, s = read("reference.csv.gz")
    needed, before, after = cbpe.needs_calibration(y, s)
    model = cbpe.isotonic_fit(s, y) if needed else None
    components = cbpe.se_components(y, yp, s, BUSINESS_VALUE)
    ap_std, ap_size = cbpe.ap_sampling_error(y, s)
    reference = [realized(cy, cyp, cs) for cy, cyp, cs in zip(cut(y), cut(yp), cut(s))]
    thresholds = {}
    for metric in METRICS:
        values = np.array([chunk[metric] for chunk in reference], float)
        lower, upper = cbpe.thresholds(values, *((None, None) if metric == "business_value" else (0, 1)))
        thresholds[metric] = {"lower": float(lower), "upper": float(upper)}
    ay, ayp, a_s = read("analysis.csv.gz")
    chunks = []
    for cy, cyp, cs in zip(cut(ay), cut(ayp), cut(a_s)):
        n = len(cs)
        p = cbpe.isotonic_predict(model, cs) if needed else cs
        values = cbpe.estimates(cyp, p, BUSINESS_VALUE, n)
        values["roc_auc"] = cbpe.estimated_roc_auc(p, cs)
        values["average_precision"] = cbpe.estimated_ap(p, cs)
        errors = {m: float(cbpe.se(components[m], n)) for m in METRICS[:6]}
        errors["average_precision"] = float(ap_std * np.sqrt(ap_size / n))
        errors["business_value"] = float(components["business_value"][0] * n / np.sqrt(n))
        chunk = {}
        for metric in METRICS:
            value, error = float(values[metric]), errors[metric]
            low, high = (-np.inf, np.inf) if metric == "business_value" else (0.0, 1.0)
            chunk[metric] = {"value": value, "sampling_error": error,
                             "lower_band": max(low, value - 3 * error), "upper_band": min(high, value + 3 * error),
                             "alert": bool(value < thresholds[metric]["lower"] or value > thresholds[metric]["upper"])}
        chunks.append(chunk)
    expected = {"calibrated": needed, "expected_calibration_error_before": before,
                "expected_calibration_error_after": after, "thresholds": thresholds, "chunks": chunks}
    with open(os.path.join(HERE, "cbpe_expected.json"), "w", encoding="utf-8") as out:
        json.dump(expected, out, indent=1, default=float)
        out.write("\n")


if __name__ == "__main__":
    main()
