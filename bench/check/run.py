#!/usr/bin/env python3
"""Benchmark: `driftwatch check` with its default tests against the same computation in NumPy/SciPy
(scipy_check.py), on the same files, in one run, end to end (process start and file reading included).
Generates the data on first use (bench/data/, not committed). Prints both times, their ratio, each side's
CPU time (user + system: on a shared machine the steadier figure) and peak resident memory (the process's
high-water RSS, as the kernel reports it to the waiting parent), and whether
the two tools' statistics agree (they must: the same definitions on the same data).
Usage: python3 bench/check/run.py [--rows 1000000] [--repeat 1]"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(cmd):
    """Runs cmd to its end: seconds taken, CPU seconds (user + system), peak RSS in bytes, standard output. The launcher execs java, so the
    process waited for is the JVM itself; wait4's figure is the larger of its own high-water mark and that of
    any child it waited for (the launcher's `find`, far smaller)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if p.returncode not in (0, 1):
            sys.exit(f"{cmd[0]} failed ({p.returncode}): {err.read().decode()[-2000:]}")
        return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, out.read().decode()


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
    driftwatch_times, scipy_times, driftwatch_rss, scipy_rss, driftwatch_cpu, scipy_cpu = [], [], [], [], [], []
    for _ in range(a.repeat):
        t, cpu, rss, dw_out = timed([os.path.join(ROOT, "driftwatch"), "check", "--reference", ref, "--current", cur,
                                "--format", "json"])
        driftwatch_times.append(t)
        driftwatch_cpu.append(cpu)
        driftwatch_rss.append(rss)
        t, cpu, rss, sp_out = timed([sys.executable, os.path.join(HERE, "scipy_check.py"), ref, cur])
        scipy_times.append(t)
        scipy_cpu.append(cpu)
        scipy_rss.append(rss)
    report = json.loads(dw_out)["columns"]
    expected = json.loads(sp_out)
    worst = 0.0
    for column, value in expected.items():
        tests = report[column]["tests"]
        got = next(iter(tests.values()))["statistic"]
        worst = max(worst, abs(got - value))
    dw, sp = min(driftwatch_times), min(scipy_times)
    dw_rss, sp_rss = max(driftwatch_rss), max(scipy_rss)
    dw_cpu, sp_cpu = min(driftwatch_cpu), min(scipy_cpu)
    print(f"check benchmark: {a.rows:,} rows x 20 numeric + 5 categorical columns, reference and current "
          f"({size_mb:.0f} MB of CSV), default tests (wasserstein, jensen_shannon)")
    print(f"  driftwatch check : {dw:8.2f} s   CPU {dw_cpu:6.2f} s   peak RSS {dw_rss / 1e9:.2f} GB")
    print(f"  numpy + scipy    : {sp:8.2f} s   CPU {sp_cpu:6.2f} s   peak RSS {sp_rss / 1e9:.2f} GB")
    print(f"  ratio scipy/driftwatch: {sp / dw:.2f}x  ({'driftwatch faster' if dw < sp else 'scipy faster'})")
    print(f"  largest statistic difference between the two: {worst:.2e} ({'agree' if worst <= 1e-9 else 'DISAGREE'})")
    print(f"  peak RSS driftwatch/scipy: {dw_rss / sp_rss:.2f}x (largest of the runs each)")
    print(json.dumps({"rows": a.rows, "driftwatch_seconds": dw, "scipy_seconds": sp, "ratio": sp / dw,
                      "driftwatch_cpu_seconds": dw_cpu, "scipy_cpu_seconds": sp_cpu,
                      "driftwatch_peak_rss_bytes": dw_rss, "scipy_peak_rss_bytes": sp_rss,
                      "max_statistic_difference": worst}))
    sys.exit(0 if worst <= 1e-9 else 1)


if __name__ == "__main__":
    main()
