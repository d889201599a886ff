#!/usr/bin/env python3
"""Benchmark: `driftwatch check` with its default tests against the same computation in NumPy/SciPy
(scipy_check.py), on the same files, in one run, end to end (process start and file reading included).
Generates the data on first use (bench/data/, not committed). Prints both times, their ratio, and
whether the two tools' statistics agree (they must: the same definitions on the same data).
Usage: python3 bench/check/run.py [--rows 1000000] [--repeat 1]"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr[-2000:]}")
    return elapsed, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    data = os.path.join(ROOT, "bench", "data", f"check-{a.rows}")
    ref, cur = os.path.join(data, "reference.csv"), os.path.join(data, "current.csv")
    if not (os.path.exists(ref) and os.path.exists(cur)):
        print(f"generating {a.rows:,} rows x 25 columns into {data} ...", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), data, str(a.rows)], check=True)
    size_mb = (os.path.getsize(ref) + os.path.getsize(cur)) / 1e6
    subprocess.run([os.path.join(ROOT, "driftwatch"), "--version"], check=True, capture_output=True, cwd=ROOT)
    driftwatch_times, scipy_times = [], []
    for _ in range(a.repeat):
        t, dw_out = timed([os.path.join(ROOT, "driftwatch"), "check", "--reference", ref, "--current", cur, "--format", "json"])
        driftwatch_times.append(t)
        t, sp_out = timed([sys.executable, os.path.join(HERE, "scipy_check.py"), ref, cur])
        scipy_times.append(t)
    report = json.loads(dw_out)["columns"]
    expected = json.loads(sp_out)
    worst = 0.0
    for column, value in expected.items():
        tests = report[column]["tests"]
        got = next(iter(tests.values()))["statistic"]
        worst = max(worst, abs(got - value))
    dw, sp = min(driftwatch_times), min(scipy_times)
    print(f"check benchmark: {a.rows:,} rows x 20 numeric + 5 categorical columns, reference and current "
          f"({size_mb:.0f} MB of CSV), default tests (wasserstein, jensen_shannon)")
    print(f"  driftwatch check : {dw:8.2f} s")
    print(f"  numpy + scipy    : {sp:8.2f} s")
    print(f"  ratio scipy/driftwatch: {sp / dw:.2f}x  ({'driftwatch faster' if dw < sp else 'scipy faster'})")
    print(f"  largest statistic difference between the two: {worst:.2e} ({'agree' if worst <= 1e-9 else 'DISAGREE'})")
    print(json.dumps({"rows": a.rows, "driftwatch_seconds": dw, "scipy_seconds": sp, "ratio": sp / dw,
                      "max_statistic_difference": worst}))
    sys.exit(0 if worst <= 1e-9 else 1)


if __name__ == "__main__":
    main()
