package io.driftwatch.alerts;

import io.driftwatch.policy.layer.PolicyLayer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsPolicyDefaultsTest {
    @Test
    void theRecipientsAndRateLimitOfTheAlertsConfigurationAreTheLayersValues() {
        PolicyLayer layer = AlertsPolicyDefaults.layer(Map.of(AlertsConfig.TO_CONFIG, "a@example.com,b@example.com",
                AlertsConfig.RATE_LIMIT_CONFIG, "4"));

        assertThat(layer.tree().at("/alerts/to").toString()).isEqualTo("[\"a@example.com\",\"b@example.com\"]");
        assertThat(layer.tree().at("/alerts/rate_per_hour").asInt()).isEqualTo(4);
        assertThat(layer.sources()).containsEntry("/alerts/to", AlertsConfig.TO_CONFIG)
                .containsEntry("/alerts/rate_per_hour", AlertsConfig.RATE_LIMIT_CONFIG);
    }

    @Test
    void withNoRecipientsConfiguredTheLayerLeavesThemToThePolicies() {
        PolicyLayer layer = AlertsPolicyDefaults.layer(Map.of());

        assertThat(layer.tree().has("alerts")).isTrue();
        assertThat(layer.tree().at("/alerts/to").isMissingNode()).isTrue();
        assertThat(layer.tree().at("/alerts/rate_per_hour").asInt())
                .isEqualTo(AlertsConfig.CONFIG_DEF.defaultValues().get(AlertsConfig.RATE_LIMIT_CONFIG));
    }
}
