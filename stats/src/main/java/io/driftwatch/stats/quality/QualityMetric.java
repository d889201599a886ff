package io.driftwatch.stats.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The quality metrics a rule can watch, with the direction in which each gets worse: accuracy-like
 * metrics fall, errors and log loss rise, and the mean error is worse the further it is from 0.
 */
public enum QualityMetric {
    ACCURACY(true),
    MACRO_PRECISION(true),
    MACRO_RECALL(true),
    MACRO_F1(true),
    ROC_AUC(true),
    LOG_LOSS(false),
    MAE(false),
    RMSE(false),
    MAPE(false),
    MEAN_ERROR(false);

    private final boolean higherIsBetter;

    QualityMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
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
        if (this == MEAN_ERROR) {
            return Math.abs(current) - Math.abs(reference);
        }
        return higherIsBetter ? reference - current : current - reference;
    }
}
