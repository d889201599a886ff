package io.driftwatch.stats.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The quality metrics a rule can watch, with the direction in which each gets worse: accuracy-like
 * metrics fall, errors and log loss rise, and the mean error is worse the further it is from 0. precision,
 * recall, f1, specificity and average_precision are a binary model's positive-class figures
 * ({@link ClassificationTally#binary}); a window without them (more than two classes, or one class with the figure
 * undefined) leaves a rule on them unjudged. business_value is NannyML's business value
 * ({@link BusinessValueMatrix#total}), present only where the model owner gave a matrix
 * ({@link OutcomeChoices#summary}); higher is better, and it has no bound either way.
 */
public enum QualityMetric {
    ACCURACY(Better.HIGHER),
    BALANCED_ACCURACY(Better.HIGHER),
    PRECISION(Better.HIGHER),
    RECALL(Better.HIGHER),
    F1(Better.HIGHER),
    SPECIFICITY(Better.HIGHER),
    AVERAGE_PRECISION(Better.HIGHER),
    MACRO_PRECISION(Better.HIGHER),
    MACRO_RECALL(Better.HIGHER),
    MACRO_F1(Better.HIGHER),
    ROC_AUC(Better.HIGHER),
    LOG_LOSS(Better.LOWER),
    MAE(Better.LOWER),
    RMSE(Better.LOWER),
    MAPE(Better.LOWER),
    MEAN_ERROR(Better.NEARER_ZERO),
    BUSINESS_VALUE(Better.HIGHER);

    /** Which way a metric improves; also what a person is told when it crosses a rule ("below", "above"). */
    public enum Better {
        HIGHER,
        LOWER,
        NEARER_ZERO
    }

    private final Better better;

    QualityMetric(Better better) {
        this.better = better;
    }

    public Better better() {
        return better;
    }

    /**
     * The smallest value the metric can take: 0, or minus infinity for the signed mean error and the business value
     * (costs are negative).
     */
    public double lowest() {
        return this == MEAN_ERROR || this == BUSINESS_VALUE ? Double.NEGATIVE_INFINITY : 0;
    }

    /**
     * The largest value the metric can take: 1 for the shares and rates, infinity for errors, log loss and the business
     * value.
     */
    public double highest() {
        return better == Better.HIGHER && this != BUSINESS_VALUE ? 1 : Double.POSITIVE_INFINITY;
    }

    /** The name in reports' metric maps, e.g. {@code macro_f1}. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(QualityMetric::metricName).toList();
    }

    /** @throws IllegalArgumentException for a name not in {@link #names()} */
    public static QualityMetric of(String metricName) {
        for (QualityMetric metric : values()) {
            if (metric.metricName().equals(metricName)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown quality metric " + metricName + "; use one of " + names());
    }

    /** How much worse {@code current} is than {@code reference}, in the metric's units; negative when better. */
    public double worseBy(double reference, double current) {
        return switch (better) {
            case HIGHER -> reference - current;
            case LOWER -> current - reference;
            case NEARER_ZERO -> Math.abs(current) - Math.abs(reference);
        };
    }
}
