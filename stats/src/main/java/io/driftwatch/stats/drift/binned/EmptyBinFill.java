package io.driftwatch.stats.drift.binned;

import static java.util.Objects.requireNonNull;

/**
 * How an empty bin's proportion is replaced before a logarithm of a ratio is taken (PSI and
 * Kullback-Leibler are infinite when one side of a bin is empty). The two rules are the ones in use by
 * the tools whose thresholds users bring along; they differ only when a bin is empty.
 */
public enum EmptyBinFill {
    /** An empty proportion becomes 1e-4: the textbook PSI convention and Evidently's for categories. */
    CONSTANT,
    /**
     * Evidently's rule for numeric bins, per side: with m the smallest non-zero proportion, an empty
     * proportion becomes m / 1e6 when m <= 1e-4, else 1e-4, so the fill always stays below every observed
     * proportion.
     */
    EVIDENTLY;

    private static final double FILL = 1e-4;
    private static final double SMALL_PROPORTION_SHRINK = 1e6;

    /**
     * Returns a copy of {@code proportions} with every zero replaced; non-zero entries are unchanged and
     * the result is not renormalized.
     */
    public double[] fill(double[] proportions) {
        requireNonNull(proportions, "proportions");
        double fillValue = fillValue(proportions);
        double[] filled = proportions.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == 0) {
                filled[i] = fillValue;
            }
        }
        return filled;
    }

    private double fillValue(double[] proportions) {
        if (this == CONSTANT) {
            return FILL;
        }
        double smallestNonZero = Double.POSITIVE_INFINITY;
        for (double proportion : proportions) {
            if (proportion > 0 && proportion < smallestNonZero) {
                smallestNonZero = proportion;
            }
        }
        return smallestNonZero <= FILL ? smallestNonZero / SMALL_PROPORTION_SHRINK : FILL;
    }
}
