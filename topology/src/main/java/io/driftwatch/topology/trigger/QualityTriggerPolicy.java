package io.driftwatch.topology.trigger;

import io.driftwatch.stats.quality.QualityMetric;

import java.time.Duration;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * When a model version's measured quality gets a retraining trigger: the watched metric worse than a fixed
 * threshold (rule {@code quality_threshold}), or worse than the reference quality by more than
 * {@code maxDrop} (rule {@code quality_drop}; the reference is the baseline's recorded quality, else the
 * previous final window), in a window backed by at least {@code minLabels} labels; at most one trigger per
 * window, and none within {@code coolDown} of event time of the last quality trigger. With neither
 * threshold nor drop set the rules are off.
 */
public record QualityTriggerPolicy(QualityMetric metric, OptionalDouble threshold, OptionalDouble maxDrop, long minLabels,
                                   Duration coolDown) {
    public static final String THRESHOLD_RULE = "quality_threshold";
    public static final String DROP_RULE = "quality_drop";

    public QualityTriggerPolicy {
        requireNonNull(metric, "metric");
        requireNonNull(threshold, "threshold");
        requireNonNull(maxDrop, "maxDrop");
        requireNonNull(coolDown, "coolDown");
        if (minLabels < 1) {
            throw new IllegalArgumentException("minLabels must be at least 1, got " + minLabels);
        }
        if (maxDrop.isPresent() && !(maxDrop.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("maxDrop must be at least 0, got " + maxDrop.getAsDouble());
        }
    }

    public boolean enabled() {
        return threshold.isPresent() || maxDrop.isPresent();
    }
}
