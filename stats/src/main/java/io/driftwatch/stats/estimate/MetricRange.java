package io.driftwatch.stats.estimate;

/**
 * The values a metric can take, which NannyML clips its thresholds and confidence bands to: [0, 1] for the rates,
 * ROC AUC and average precision, [0, ∞) for a confusion count, none for business value.
 */
public record MetricRange(double lowest, double highest) {
    /** Rates, ROC AUC, average precision, and a confusion cell reported as a share. */
    public static final MetricRange UNIT = new MetricRange(0, 1);
    /** A confusion cell reported as a count. */
    public static final MetricRange COUNT = new MetricRange(0, Double.POSITIVE_INFINITY);
    /** Business value. */
    public static final MetricRange UNBOUNDED = new MetricRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public MetricRange {
        if (!(lowest < highest)) {
            throw new IllegalArgumentException("a metric range needs lowest < highest, got " + lowest + ", " + highest);
        }
    }

    /** The range of a confusion cell in {@code normalization}. */
    public static MetricRange ofCell(ConfusionNormalization normalization) {
        return normalization == ConfusionNormalization.NONE ? COUNT : UNIT;
    }
}
