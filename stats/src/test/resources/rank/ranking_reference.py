"""Reference values for io.driftwatch.stats.rank (RankingReferenceTest), from SciPy and NumPy.

Mirrors NannyML 11ef5c86 nannyml/drift/ranker.py without pandas (not installed here): the two sorts are written out
as pandas performs them. Run: python3 ranking_reference.py; copy the printed numbers into RankingReferenceTest.java.
"""
import warnings

import numpy as np
import scipy
from scipy.stats import pearsonr

nan = float("nan")

# --- Alert count: the chunks each feature alerted in; ties on count go by name, both keys descending.
ALERTS = {
    "age": [1, 0, 1, 1, 0],
    "balance": [0, 0, 0, 0, 0],
    "income": [0, 1, 1, 1, 0],
    "tenure": [1, 1, 0, 0, 1],
    "zip": [0, 0, 0, 1, 0],
}
counts = {name: sum(flags) for name, flags in ALERTS.items()}
# pandas: ranking.sort_values(['number_of_alerts', 'column_name'], ascending=False)
alert_order = sorted(counts, key=lambda name: (counts[name], name), reverse=True)
print("alert_count order:", alert_order, [counts[name] for name in alert_order])

# --- Correlation: 8 analysis chunks, accuracy per chunk (one chunk without labels: NaN), the reference mean.
REFERENCE_CHUNKS = np.array([0.91, 0.89, 0.90, 0.92, 0.88])
reference_mean = REFERENCE_CHUNKS.mean()
performance = np.array([0.90, 0.89, 0.86, nan, 0.80, 0.78, 0.84, 0.91])
STATISTICS = {  # in the order the features are given
    "tenure": [nan, nan, 0.05, 0.30, nan, nan, nan, 0.12],  # two chunks left with both values: r = -1, p = 1
    "zip": [0.30, 0.28, 0.20, 0.22, 0.10, 0.06, 0.18, 0.31],  # falls as accuracy falls: negative r
    "income": [0.02, 0.03, 0.09, 0.40, 0.21, 0.25, nan, 0.01],  # tracks the accuracy drop
    "age": [0.05, 0.11, 0.04, 0.09, 0.12, 0.07, 0.10, 0.06],  # weakly related
    "flat": [0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10],  # constant: r undefined
    "income_twin": [0.02, 0.03, 0.09, 0.40, 0.21, 0.25, nan, 0.01],  # equal r to income, given after it
}
change = np.abs(performance - reference_mean)
print("reference mean: %r" % reference_mean)
names, rs, ps = [], [], []
for name, values in STATISTICS.items():
    values = np.array(values)
    keep = ~(np.isnan(values) | np.isnan(change))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r, p = pearsonr(values[keep], change[keep])
    names.append(name)
    rs.append(float(r))
    ps.append(float(p))
    print("%-12s n=%d r=%r p=%r" % (name, keep.sum(), float(r), float(p)))

# pandas: ranked.sort_values('pearsonr_correlation', ascending=False), i.e. nargsort: reverse, argsort, reverse, NaN last
items = np.array(rs)
mask = np.isnan(items)
index = np.arange(len(items))
non_nans, non_nan_index = items[~mask][::-1], index[~mask][::-1]
indexer = non_nan_index[non_nans.argsort(kind="quicksort")][::-1]
indexer = np.concatenate([indexer, np.nonzero(mask)[0]])
print("correlation order:", [names[i] for i in indexer])

# --- Two chunks and one chunk, directly.
print("two pairs:", pearsonr([0.2, 0.1], [0.01, 0.05]))
try:
    pearsonr([0.2], [0.01])
except ValueError as error:
    print("one pair:", error)
print("scipy", scipy.__version__, "numpy", np.__version__)
