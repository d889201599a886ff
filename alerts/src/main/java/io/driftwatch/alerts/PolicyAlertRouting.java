package io.driftwatch.alerts;

import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.alerts.policy.PolicyRouting;
import io.driftwatch.policy.AlertsPolicy;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.policy.Severity;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.schemas.record.AlertSeverity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Each model's email route from the YAML policies on the policies topic ({@code alerts.to}, {@code min_severity},
 * {@code rate_per_hour}), on top of the {@code driftwatch.alerts.*} settings: what {@code driftwatch alerts} mails by.
 * It accepts and resolves exactly as the streaming service does ({@link PublishedPolicies}), so both processes agree
 * on which policy a model has. A policy's {@code error} is an alert of severity critical, {@code warning} a warning.
 * Thread-safe.
 */
public final class PolicyAlertRouting implements PolicyRouting {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyAlertRouting.class);

    private final PublishedPolicies published = new PublishedPolicies();
    private final PolicyLayer defaults;
    private final AlertRouting.Route settings;

    /** @param alerts the alerts process's settings: the route of every model its policy is silent about */
    public PolicyAlertRouting(AlertsConfig alerts) {
        requireNonNull(alerts, "alerts");
        this.defaults = AlertsPolicyDefaults.layer(alerts.originals());
        this.settings = alerts.routing().route("*", "*");
    }

    @Override
    public boolean accepts(String key, String text) {
        try {
            published.accept(key, text);
            return true;
        } catch (PolicyException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public AlertRouting.Route route(String model, String version, Map<String, String> acceptedPolicies) {
        try {
            AlertsPolicy alerts = published.set(acceptedPolicies).effective(model, Optional.of(version), defaults)
                    .policy().alerts();
            return new AlertRouting.Route(alerts.to().orElse(settings.to()),
                    alerts.minSeverity().map(PolicyAlertRouting::severity).orElse(settings.minSeverity()),
                    alerts.ratePerHour().orElse(settings.ratePerHour()));
        } catch (RuntimeException e) {
            // Asked for every alert read, so it must not throw: a policy it cannot apply leaves the settings' route.
            LOG.warn("model {} version {}: its policy gives no email route ({}); mailing by the driftwatch.alerts.* settings",
                    model, version, e.toString());
            return settings;
        }
    }

    private static AlertSeverity severity(Severity severity) {
        return severity == Severity.ERROR ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
    }
}
