package io.driftwatch.topology.config;

import io.driftwatch.policy.PolicyDurations;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;

/**
 * The engine's {@code driftwatch.*} settings as the weakest layer of every model's policy, each value labelled with
 * the property it was read from, so a deployment with no policy runs exactly as before and {@code policy show} says
 * which value a property supplied. The alerts' recipients and rate limit are the alerts process's settings, added by
 * its own layer.
 */
public final class PolicyDefaults {
    /** The label of values that are driftwatch's built-in defaults rather than a property. */
    public static final String DATASET_DRIFT_SHARE_SOURCE = "DriftDefaults.DATASET_DRIFT_SHARE";

    private PolicyDefaults() {
    }

    /** The layer of {@code config}'s window, trigger and quality settings. */
    public static PolicyLayer layer(DriftwatchConfig config) {
        PolicyLayer.Builder layer = PolicyLayer.builder("defaults")
                .put("window.size", PolicyDurations.format(config.windows().size()), DriftwatchConfig.WINDOW_SIZE_MS_CONFIG)
                .put("window.grace", PolicyDurations.format(config.windows().grace()), DriftwatchConfig.WINDOW_GRACE_MS_CONFIG)
                .put("triggers.dataset_drift.share", DriftDefaults.DATASET_DRIFT_SHARE, DATASET_DRIFT_SHARE_SOURCE);
        TriggerPolicy triggers = config.triggerPolicy();
        layer.put("triggers.dataset_drift.consecutive", triggers.consecutiveDriftWindows(),
                DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG);
        if (triggers.triggerOnSchemaError()) {
            layer.put("triggers.schema.min_severity", "error", DriftwatchConfig.TRIGGER_SCHEMA_ERRORS_CONFIG);
        } else {
            layer.put("triggers.schema", "off", DriftwatchConfig.TRIGGER_SCHEMA_ERRORS_CONFIG);
        }
        layer.put("triggers.cooldown", PolicyDurations.format(triggers.coolDown()), DriftwatchConfig.TRIGGER_COOLDOWN_MS_CONFIG);
        QualityTriggerPolicy quality = config.qualityTriggerPolicy();
        layer.put("triggers.quality.metric", quality.metric().metricName(), DriftwatchConfig.TRIGGER_QUALITY_METRIC_CONFIG);
        quality.threshold().ifPresent(level ->
                layer.put("triggers.quality.worse_than", level, DriftwatchConfig.TRIGGER_QUALITY_THRESHOLD_CONFIG));
        quality.maxDrop().ifPresent(drop ->
                layer.put("triggers.quality.max_drop", drop, DriftwatchConfig.TRIGGER_QUALITY_MAX_DROP_CONFIG));
        layer.put("triggers.quality.min_labels", quality.minLabels(), DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG);
        return layer.build();
    }
}
