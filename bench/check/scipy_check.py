#!/usr/bin/env python3
"""The computation `driftwatch check` does with its default tests, written the way a NumPy/SciPy user
would (Evidently's defaults for a reference of more than 1,000 rows): read both CSV files with NumPy's
C parser (pandas is not on these machines),
then per numeric column the Wasserstein distance normalized by the reference's standard deviation, per
categorical column the Jensen-Shannon distance over the union of categories. Prints one JSON object
{column: statistic} so the benchmark can check both tools computed the same numbers.
Usage: scipy_check.py REFERENCE.csv CURRENT.csv"""
import json
import sys

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import wasserstein_distance


def read(path):
    # Two typed reads beat one structured-dtype read by about 2x here: NumPy's C parser is fastest on a
    # single float dtype, and the label columns are short.
    with open(path) as f:
        header = f.readline().strip().split(",")
    numeric = [i for i, name in enumerate(header) if name.startswith("n")]
    categorical = [i for i, name in enumerate(header) if name.startswith("cat")]
    numbers = np.loadtxt(path, delimiter=",", skiprows=1, usecols=numeric, dtype="f8")
    labels = np.loadtxt(path, delimiter=",", skiprows=1, usecols=categorical, dtype="U16")
    table = {header[i]: numbers[:, k] for k, i in enumerate(numeric)}
    table.update({header[i]: labels[:, k] for k, i in enumerate(categorical)})
    return header, numeric, categorical, table


def main():
    header, numeric, categorical, reference = read(sys.argv[1])
    _, _, _, current = read(sys.argv[2])
    result = {}
    for i in numeric:
        name = header[i]
        ref, cur = reference[name], current[name]
        result[name] = wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
    for i in categorical:
        name = header[i]
        ref_labels, ref_counts = np.unique(reference[name], return_counts=True)
        cur_labels, cur_counts = np.unique(current[name], return_counts=True)
        labels = np.union1d(ref_labels, cur_labels)
        p = np.zeros(len(labels))
        q = np.zeros(len(labels))
        p[np.searchsorted(labels, ref_labels)] = ref_counts
        q[np.searchsorted(labels, cur_labels)] = cur_counts
        result[name] = float(jensenshannon(p, q))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
