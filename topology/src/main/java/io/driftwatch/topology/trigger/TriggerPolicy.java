package io.driftwatch.topology.trigger;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * When a model version gets a retraining trigger: dataset drift in {@code consecutiveDriftWindows}
 * consecutive windows (rule {@code dataset_drift}), or any schema finding of severity error
 * (rule {@code schema_error}, when enabled); and no second trigger for the same model version until
 * {@code coolDown} of event time has passed since the last one.
 */
public record TriggerPolicy(int consecutiveDriftWindows, boolean triggerOnSchemaError, Duration coolDown) {
    public static final String DATASET_DRIFT_RULE = "dataset_drift";
    public static final String SCHEMA_ERROR_RULE = "schema_error";

    /** Two drifted windows in a row, schema errors trigger, six hours between triggers. */
    public static final TriggerPolicy DEFAULT = new TriggerPolicy(2, true, Duration.ofHours(6));

    public TriggerPolicy {
        requireNonNull(coolDown, "coolDown");
        if (consecutiveDriftWindows < 1) {
            throw new IllegalArgumentException("consecutiveDriftWindows must be at least 1, got " + consecutiveDriftWindows);
        }
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("coolDown must not be negative, got " + coolDown);
        }
    }
}
