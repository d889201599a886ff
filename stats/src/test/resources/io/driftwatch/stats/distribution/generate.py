#!/usr/bin/env python3
"""Writes the reference CSVs beside this script with the local SciPy (1.17.1 when they were generated).

bessel_k.csv also holds K_nu(z) to 30 digits from mpmath, because AMOS (SciPy's kv) is itself off by up to
2e-14 relative for orders >= 1/2.

Run from this folder: python3 generate.py. Each CSV holds inputs, SciPy's output as a repr'd double, and for
kolmogorov_sf.csv the _kolmogn branch SciPy takes, so that the Java tests cover every branch by name.
"""
import mpmath
import numpy as np
import scipy
from scipy import stats, special
from scipy.stats._hypotests import _cdf_cvm_inf
from scipy.stats._stats_py import _attempt_exact_2kssamp


def branch(n, x):
    """Mirror of the dispatch in scipy/stats/_ksstats.py::_kolmogn for the survival function."""
    t = n * x
    if x >= 1 or x <= 0:
        return "edge"
    if t <= 1.0:
        return "ruben_gambino_low" if t > 0.5 else "edge"
    if t >= n - 1:
        return "ruben_gambino_high"
    if x >= 0.5:
        return "smirnov"
    nx2 = t * x
    if n <= 140:
        if nx2 <= 0.754693:
            return "durbin"
        if nx2 <= 4:
            return "pomeranz"
        return "smirnov"
    if nx2 >= 370.0:
        return "zero"
    if nx2 >= 2.2:
        return "smirnov_large_n" if n > 1_000_000 else "smirnov"
    if n <= 100000 and n * x ** 1.5 <= 1.4:
        return "durbin"
    return "pelz_good"


def kolmogorov_rows():
    rows = []
    for n in [1, 2, 5, 10, 14, 40, 100, 140, 141, 500, 2000, 8571, 50000, 100000, 100001, 500000, 2000000]:
        for nx2 in [0.3, 0.6, 0.754, 0.9, 1.5, 2.0, 2.5, 3.9, 4.1, 6.0, 10.0, 25.0, 100.0, 400.0]:
            x = float(np.sqrt(nx2 / n))
            if 0 < x < 1:
                rows.append((n, x))
        for t in [0.4, 0.75, 0.99]:
            rows.append((n, t / n))
        if n > 2:
            rows.append((n, (n - 0.5) / n))
            rows.append((n, 0.6))
    # Durbin's matrix for n > 140 needs n x^1.5 <= 1.4, i.e. a statistic close to 1/n^(2/3).
    rows += [(2000, 0.0035), (20000, 0.0015), (100000, 0.0005)]
    return [(n, x, float(stats.kstwo.sf(x, n)), float(stats.kstwo.cdf(x, n)), branch(n, x)) for n, x in rows]


def smirnov_rows():
    rows = []
    for n in [1, 2, 3, 10, 57, 333, 1000, 12345, 200000, 1000000, 1500000]:
        for x in [0.0, 0.3 / n, 1.0 / n, 1.5 / n, 0.01, 0.05, 0.1, 0.2, 0.5, 0.75, 1 - 1.0 / n, 0.999, 1.0]:
            if 0 <= x <= 1:
                rows.append((n, float(x), float(special.smirnov(n, x))))
    return rows


def two_sample_rows():
    rows = []
    rng = np.random.default_rng(7)
    for n, m in [(5, 5), (25, 30), (30, 25), (100, 100), (300, 5000), (1000, 1000), (1000, 500), (1500, 2000),
                 (7, 13), (3000, 2999), (10000, 10000)]:
        lcm = n * m // np.gcd(n, m)
        for d in sorted(set([1.0 / lcm, 0.02, 0.05, 0.1, 0.2, 0.35, 0.6, 0.9, 1.0]
                            + list(rng.uniform(0, 0.3, 3)))):
            ok, d_used, p = _attempt_exact_2kssamp(n, m, int(np.gcd(n, m)), d, "two-sided")
            if ok:
                rows.append((n, m, float(d), float(p)))
    return rows


def bessel_rows():
    mpmath.mp.dps = 30
    rows = []
    for nu in [0.0, 0.05, 0.25, 0.4, 0.5, 0.75, 1.0, 1.5]:
        for z in [1e-6, 1e-3, 0.0147, 0.1, 0.37, 0.9, 1.19, 1.7, 2.0, 2.5, 5.0, 20.0, 100.0, 600.0]:
            rows.append((nu, z, float(special.kv(nu, z)), float(mpmath.besselk(nu, z))))
    return rows


def cvm_rows():
    xs = [0.003, 0.01, 0.05, 0.1, 0.2, 0.46, 0.7437797789845524, 1.0, 1.5, 2.5523853527202807, 3.0,
          3.8337021573216936, 4.242982902461254, 6.0, 9.73687614555266]
    return [(x, float(_cdf_cvm_inf(np.float64(x))), max(0.0, 1 - float(_cdf_cvm_inf(np.float64(x))))) for x in xs]


def write(name, header, rows):
    with open(name, "w") as f:
        f.write(f"# scipy {scipy.__version__}, numpy {np.__version__}, mpmath {mpmath.__version__}; "
                "produced by generate.py\n")
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(repr(v) if isinstance(v, float) else str(v) for v in row) + "\n")


if __name__ == "__main__":
    write("kolmogorov_sf.csv", ["n", "d", "sf", "cdf", "branch"], kolmogorov_rows())
    write("smirnov_sf.csv", ["n", "x", "sf"], smirnov_rows())
    write("two_sample_exact_sf.csv", ["n", "m", "d", "sf"], two_sample_rows())
    write("bessel_k.csv", ["nu", "z", "k_scipy", "k_mpmath"], bessel_rows())
    write("cramer_von_mises_limit.csv", ["x", "cdf", "sf"], cvm_rows())
