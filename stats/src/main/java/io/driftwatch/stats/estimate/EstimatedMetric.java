package io.driftwatch.stats.estimate;


import java.util.Arrays;
import java.util.Locale;

/**
 * The metrics CBPE estimates, in the order the reports show them, each with the range NannyML clips its thresholds
 * and confidence band to. Their names are the realized quality's, so an estimate and the realized value it is compared
 * with share one key. A binary classifier gets the first eight ({@link #binary()}); a multiclass one accuracy, the
 * macro precision, recall and F1, and macro ROC AUC ({@link #multiclass()}). NannyML's multiclass specificity is left
 * out: the realized quality has no macro specificity to compare it with.
 */
public enum EstimatedMetric {
    ACCURACY(MetricRange.UNIT),
    PRECISION(MetricRange.UNIT),
    RECALL(MetricRange.UNIT),
    SPECIFICITY(MetricRange.UNIT),
    F1(MetricRange.UNIT),
    ROC_AUC(MetricRange.UNIT),
    AVERAGE_PRECISION(MetricRange.UNIT),
    BUSINESS_VALUE(MetricRange.UNBOUNDED),
    MACRO_PRECISION(MetricRange.UNIT),
    MACRO_RECALL(MetricRange.UNIT),
    MACRO_F1(MetricRange.UNIT);

    private final double lowest;
    private final double highest;

    EstimatedMetric(MetricRange range) {
        this.lowest = range.lowest();
        this.highest = range.highest();
    }

    public MetricRange range() {
        return new MetricRange(lowest, highest);
    }

    /** Whether a binary classifier's estimate has this metric. */
    public boolean binary() {
        return this != MACRO_PRECISION && this != MACRO_RECALL && this != MACRO_F1;
    }

    /** Whether a multiclass classifier's estimate has this metric. */
    public boolean multiclass() {
        return this == ACCURACY || this == ROC_AUC || !binary();
    }

    /** The name in reports, e.g. {@code roc_auc}, the same as the realized metric's. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name no estimated metric has */
    public static EstimatedMetric of(String metricName) {
        for (EstimatedMetric metric : values()) {
            if (metric.metricName().equals(metricName)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown estimated metric " + metricName + "; use one of "
                + Arrays.stream(values()).map(EstimatedMetric::metricName).toList());
    }
}
