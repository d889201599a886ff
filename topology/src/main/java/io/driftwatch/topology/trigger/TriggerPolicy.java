package io.driftwatch.topology.trigger;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * When a model version gets a retraining trigger: dataset drift in {@code consecutiveDriftWindows}
 * consecutive windows (rule {@code dataset_drift}, unless turned off), or a schema finding at least as severe as the
 * schema rule asks (rule {@code schema_error} for errors, {@code schema_finding} when warnings count too), or
 * multivariate drift in {@code consecutiveMultivariateWindows} consecutive windows (rule {@code multivariate_drift},
 * 0 when off: it needs a baseline with a multivariate fit, so a model's policy asks for it); and no
 * second trigger for the same model version until {@code coolDown} of event time has passed since the last one.
 * The {@code driftwatch.trigger.*} settings give one for every model; a model's policy can give its own.
 */
public record TriggerPolicy(int consecutiveDriftWindows, boolean datasetDriftEnabled, SchemaRule schemaRule,
                            int consecutiveMultivariateWindows, Duration coolDown) {
    public static final String DATASET_DRIFT_RULE = "dataset_drift";
    public static final String SCHEMA_ERROR_RULE = "schema_error";
    public static final String SCHEMA_FINDING_RULE = "schema_finding";
    public static final String MULTIVARIATE_DRIFT_RULE = "multivariate_drift";

    /** Two drifted windows in a row, schema errors trigger, six hours between triggers. */
    public static final TriggerPolicy DEFAULT = new TriggerPolicy(2, true, Duration.ofHours(6));

    /** Which schema findings trigger retraining. */
    public enum SchemaRule {
        /** None. */
        OFF,
        /** Findings of severity error (rule {@code schema_error}). */
        ERRORS,
        /** Findings of severity error or warning (rule {@code schema_finding}). */
        WARNINGS
    }

    public TriggerPolicy {
        requireNonNull(schemaRule, "schemaRule");
        requireNonNull(coolDown, "coolDown");
        if (consecutiveDriftWindows < 1) {
            throw new IllegalArgumentException("consecutiveDriftWindows must be at least 1, got " + consecutiveDriftWindows);
        }
        if (consecutiveMultivariateWindows < 0) {
            throw new IllegalArgumentException("consecutiveMultivariateWindows must be 0 (off) or more, got "
                    + consecutiveMultivariateWindows);
        }
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("coolDown must not be negative, got " + coolDown);
        }
    }

    /** Dataset drift on, and schema errors triggering or not: what the {@code driftwatch.trigger.*} settings can say. */
    public TriggerPolicy(int consecutiveDriftWindows, boolean triggerOnSchemaError, Duration coolDown) {
        this(consecutiveDriftWindows, true, triggerOnSchemaError ? SchemaRule.ERRORS : SchemaRule.OFF, 0, coolDown);
    }

    /** Multivariate drift off: the rules before a policy asks for it. */
    public TriggerPolicy(int consecutiveDriftWindows, boolean datasetDriftEnabled, SchemaRule schemaRule, Duration coolDown) {
        this(consecutiveDriftWindows, datasetDriftEnabled, schemaRule, 0, coolDown);
    }

    /** Whether multivariate drift triggers retraining. */
    public boolean multivariateDriftEnabled() {
        return consecutiveMultivariateWindows > 0;
    }

    /** Whether any schema finding triggers retraining. */
    public boolean triggerOnSchemaError() {
        return schemaRule != SchemaRule.OFF;
    }
}
