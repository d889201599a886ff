package io.driftwatch.topology.policy;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.quality.OutcomeChoices;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;

import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The rules of today, for every model: the {@code driftwatch.*} settings, whatever the policies topic holds. The
 * source when none is given, so a deployment without a policy format behaves exactly as before policies existed;
 * every policy is accepted (and ignored), so nothing is counted as rejected. Thread-safe.
 */
public final class ConfigModelRules implements ModelRulesSource {
    /** The policy id of reports judged by the {@code driftwatch.*} settings alone. */
    public static final String POLICY_ID = "defaults";

    private final ModelRules defaults;

    public ConfigModelRules(DriftwatchConfig config) {
        requireNonNull(config, "config");
        this.defaults = new ModelRules(POLICY_ID, ComparisonSettings.DEFAULT.withMinCurrentRecords(config.windowMinRecords()),
                config.triggerPolicy(), config.qualityTriggerPolicy(),
                EstimatedTriggerPolicy.off(config.qualityTriggerPolicy().coolDown()), OutcomeChoices.IMPLIED, Set.of(),
                config.windows().shape(), Set.of());
    }

    /** The rules the settings give, the base a policy format's defaults layer can start from. */
    public ModelRules defaults() {
        return defaults;
    }

    @Override
    public void check(String key, String text) {
        requireNonNull(key, "key");
        requireNonNull(text, "text");
    }

    @Override
    public ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies) {
        return defaults;
    }
}
