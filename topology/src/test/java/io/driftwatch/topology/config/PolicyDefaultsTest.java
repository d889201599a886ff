package io.driftwatch.topology.config;

import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.Severity;
import io.driftwatch.policy.TriggersPolicy;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDefaultsTest {
    private static DriftwatchConfig config(Map<String, Object> properties) {
        Map<String, Object> withBroker = new HashMap<>(properties);
        withBroker.put("bootstrap.servers", "localhost:9092");
        return new DriftwatchConfig(withBroker);
    }

    private static EffectivePolicy withNoPolicy(Map<String, Object> properties) throws PolicyException {
        return PolicySet.of(List.of()).effective("credit", Optional.empty(), PolicyDefaults.layer(config(properties)));
    }

    @Test
    void withNoPolicyTheEffectivePolicyHoldsTodaysDefaults() throws PolicyException {
        DriftwatchConfig config = config(Map.of());
        EffectivePolicy effective = withNoPolicy(Map.of());

        assertThat(effective.policy().window().size()).contains(config.windows().size());
        assertThat(effective.policy().window().grace()).contains(config.windows().grace());
        TriggersPolicy triggers = effective.policy().triggers();
        assertThat(triggers.datasetDrift().orElseThrow().consecutive())
                .hasValue(config.triggerPolicy().consecutiveDriftWindows());
        assertThat(effective.datasetDriftShare()).isEqualTo(DriftDefaults.DATASET_DRIFT_SHARE);
        assertThat(triggers.schema()).contains(new TriggersPolicy.SchemaRule(true, Optional.of(Severity.ERROR)));
        assertThat(triggers.cooldown()).contains(config.triggerPolicy().coolDown());
        QualityTriggerPolicy quality = config.qualityTriggerPolicy();
        assertThat(triggers.quality().orElseThrow().metric()).contains(quality.metric());
        assertThat(triggers.quality().orElseThrow().minLabels()).hasValue(quality.minLabels());
        assertThat(triggers.quality().orElseThrow().worseThan()).isEmpty();
    }

    @Test
    void eachDefaultNamesThePropertyItCameFrom() throws PolicyException {
        EffectivePolicy effective = withNoPolicy(Map.of(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, "86400000",
                DriftwatchConfig.TRIGGER_SCHEMA_ERRORS_CONFIG, "false", DriftwatchConfig.TRIGGER_QUALITY_MAX_DROP_CONFIG, "0.05"));

        assertThat(effective.policy().window().size()).contains(Duration.ofDays(1));
        assertThat(effective.sourceOf("/window/size")).contains(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG);
        assertThat(effective.policy().triggers().schema().orElseThrow().enabled()).isFalse();
        assertThat(effective.sourceOf("/triggers/schema")).contains(DriftwatchConfig.TRIGGER_SCHEMA_ERRORS_CONFIG);
        assertThat(effective.policy().triggers().quality().orElseThrow().maxDrop()).hasValue(0.05);
        assertThat(effective.sourceOf("/triggers/quality/max_drop")).contains(DriftwatchConfig.TRIGGER_QUALITY_MAX_DROP_CONFIG);
        assertThat(effective.sourceOf("/triggers/dataset_drift/share")).contains(PolicyDefaults.DATASET_DRIFT_SHARE_SOURCE);
    }
}
