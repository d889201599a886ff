#!/usr/bin/env python3
"""Writes the check benchmark's input: reference.csv and current.csv, each ROWS rows x 20 numeric + 5
categorical columns (numbers with 8 significant digits, labels like 'c07'). Half of the columns drift in
current.csv, so the benchmark's verdicts are not all the same. Seeded: the files are the same on every
machine. Usage: generate.py OUT_DIR [ROWS]"""
import os
import sys

import numpy as np

NUMERIC = 20
CATEGORICAL = 5


def numeric_columns(rng, rows, shifted):
    columns = []
    for i in range(NUMERIC):
        drift = shifted and i % 2 == 0
        kind = i % 4
        if kind == 0:
            values = rng.normal(0.3 if drift else 0.0, 1.0, rows)
        elif kind == 1:
            values = rng.lognormal(3.0, 0.6 if drift else 0.5, rows)
        elif kind == 2:
            values = rng.uniform(0, 120 if drift else 100, rows)
        else:
            values = rng.exponential(2.5 if drift else 2.0, rows)
        columns.append(values)
    return columns


def categorical_columns(rng, rows, shifted):
    columns = []
    for i in range(CATEGORICAL):
        size = (3, 8, 20, 50, 5)[i]
        weights = np.linspace(1.0, 2.0, size)
        if shifted and i % 2 == 0:
            weights = weights[::-1]
        labels = np.array([f"c{j:02d}" for j in range(size)])
        columns.append(labels[rng.choice(size, rows, p=weights / weights.sum())])
    return columns


def write(path, rows, shifted, seed):
    rng = np.random.default_rng(seed)
    numeric = numeric_columns(rng, rows, shifted)
    categorical = categorical_columns(rng, rows, shifted)
    header = [f"n{i:02d}" for i in range(NUMERIC)] + [f"cat{i}" for i in range(CATEGORICAL)]
    text = [np.char.mod("%.8g", column) for column in numeric] + categorical
    chunk = 100_000
    with open(path, "w") as out:
        out.write(",".join(header) + "\n")
        for start in range(0, rows, chunk):
            block = [column[start:start + chunk] for column in text]
            lines = block[0].astype(object)
            for column in block[1:]:
                lines = lines + "," + column.astype(object)
            out.write("\n".join(lines) + "\n")


def main():
    out_dir = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(out_dir, exist_ok=True)
    write(os.path.join(out_dir, "reference.csv"), rows, False, 1)
    write(os.path.join(out_dir, "current.csv"), rows, True, 2)


if __name__ == "__main__":
    main()
