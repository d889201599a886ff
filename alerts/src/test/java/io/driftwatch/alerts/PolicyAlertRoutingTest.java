package io.driftwatch.alerts;

import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.schemas.record.AlertSeverity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyAlertRoutingTest {
    private final AlertsConfig settings = new AlertsConfig(Map.of(AlertsConfig.TO_CONFIG, "oncall@example.com",
            AlertsConfig.SMTP_HOST_CONFIG, "localhost", AlertsConfig.RATE_LIMIT_CONFIG, "6"), Map.of());
    private final PolicyAlertRouting routing = new PolicyAlertRouting(settings);
    private final Map<String, String> policies = Map.of(
            "credit/*", "model: credit\nalerts: {to: [credit-ml@example.com], min_severity: error, rate_per_hour: 2}\n",
            "fraud/*", "model: fraud\nalerts: {to: [fraud-team@example.com, fraud-oncall@example.com]}\n");

    @Test
    void eachModelIsMailedToItsOwnTeamAndAModelWithoutAPolicyToTheSettingsRecipients() {
        AlertRouting.Route credit = routing.route("credit", "4", policies);
        AlertRouting.Route fraud = routing.route("fraud", "1", policies);
        AlertRouting.Route churn = routing.route("churn", "1", policies);

        assertThat(credit).isEqualTo(new AlertRouting.Route(List.of("credit-ml@example.com"), AlertSeverity.CRITICAL, 2));
        assertThat(fraud).isEqualTo(new AlertRouting.Route(List.of("fraud-team@example.com", "fraud-oncall@example.com"),
                AlertSeverity.INFO, 6));
        assertThat(churn).isEqualTo(new AlertRouting.Route(List.of("oncall@example.com"), AlertSeverity.INFO, 6));
    }

    @Test
    void aPolicyWithAWarningMinimumMailsWarningsAndCriticalAlertsOnly() {
        AlertRouting.Route route = routing.route("credit", "1",
                Map.of("credit/*", "model: credit\nalerts: {min_severity: warning}\n"));

        assertThat(route.mails(AlertSeverity.WARNING)).isTrue();
        assertThat(route.mails(AlertSeverity.INFO)).isFalse();
        assertThat(route.to()).containsExactly("oncall@example.com");
    }

    @Test
    void anInvalidOrMiskeyedPolicyIsNotAccepted() {
        assertThat(routing.accepts("credit/*", "model: credit\nalerts: {to: []}\n")).isFalse();
        assertThat(routing.accepts("fraud/*", "model: credit\n")).isFalse();
        assertThat(routing.accepts("credit/*", "model: credit\nalerts: {to: [a@example.com]}\n")).isTrue();
    }
}
