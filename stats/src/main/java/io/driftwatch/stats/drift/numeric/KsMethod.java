package io.driftwatch.stats.drift.numeric;

/**
 * Which null distribution {@link KsTest} refers its statistic to, as SciPy's {@code ks_2samp(method=...)}:
 * {@code EXACT} counts lattice paths (exact for any sample, ties included, but slower for large unequal sizes),
 * {@code ASYMPTOTIC} uses the Kolmogorov distribution with the effective size {@code n m / (n + m)}, and
 * {@code AUTO} is exact when both samples have at most {@link KsTest#MAX_EXACT_SIZE} values.
 */
public enum KsMethod {
    AUTO, EXACT, ASYMPTOTIC
}
