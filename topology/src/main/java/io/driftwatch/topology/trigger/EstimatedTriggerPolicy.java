package io.driftwatch.topology.trigger;

import io.driftwatch.stats.estimate.EstimatedMetric;

import java.time.Duration;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * When a model version's estimated performance gets a retraining trigger (rule {@code estimated_quality}), before
 * any label of the window has come: once the window's predictions are all in, its estimate of {@code metric} below
 * {@code worseThan}, or ({@code onAlert}) below the lower threshold of the baseline's reference chunks, beyond the
 * estimate's error bound either way, in a window of at least {@code minPredictions} estimated predictions. Every
 * estimated metric is better higher. It shares the quality rules' one trigger per window and their cool-down: an
 * estimate and the realized quality that later confirms it are one incident, not two retrainings.
 */
public record EstimatedTriggerPolicy(EstimatedMetric metric, OptionalDouble worseThan, boolean onAlert, long minPredictions,
                                     Duration coolDown) {
    public static final String RULE = "estimated_quality";
    public static final EstimatedMetric DEFAULT_METRIC = EstimatedMetric.ROC_AUC;
    public static final long DEFAULT_MIN_PREDICTIONS = 100;

    public EstimatedTriggerPolicy {
        requireNonNull(metric, "metric");
        requireNonNull(worseThan, "worseThan");
        requireNonNull(coolDown, "coolDown");
        if (minPredictions < 1) {
            throw new IllegalArgumentException("minPredictions must be at least 1, got " + minPredictions);
        }
    }

    /** The rule switched off: what a model gets when no policy asks for it. */
    public static EstimatedTriggerPolicy off(Duration coolDown) {
        return new EstimatedTriggerPolicy(DEFAULT_METRIC, OptionalDouble.empty(), false, DEFAULT_MIN_PREDICTIONS, coolDown);
    }

    public boolean enabled() {
        return worseThan.isPresent() || onAlert;
    }
}
