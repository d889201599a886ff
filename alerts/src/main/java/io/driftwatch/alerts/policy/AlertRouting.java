package io.driftwatch.alerts.policy;

import io.driftwatch.schemas.record.AlertSeverity;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Who gets a model version's alert emails, from which severity on, and how many an hour: per model, so the credit
 * team never gets the fraud team's emails and each team sets its own pace. Supplied to the alerts process (the
 * lead wires a policy format in); {@code AlertsConfig.routing()} gives every model the {@code driftwatch.alerts.*}
 * settings, as before routing existed. Called from the consumer loop only; an implementation that changes its
 * answers over time (a policy published meanwhile) must be safe to call from that thread while it changes.
 */
@FunctionalInterface
public interface AlertRouting {

    /** The route of the model version's alert emails now. */
    Route route(String model, String version);

    /**
     * One model version's email route.
     *
     * @param to          recipients, at least one
     * @param minSeverity the least severe alert that is mailed: {@code INFO} mails every alert, {@code CRITICAL} only
     *                    critical ones; a less severe alert is dropped unmailed
     * @param ratePerHour most emails per model in any sliding hour, at least 1; what waits is folded into the next email
     */
    record Route(List<String> to, AlertSeverity minSeverity, int ratePerHour) {
        public Route {
            to = List.copyOf(to);
            requireNonNull(minSeverity, "minSeverity");
            if (to.isEmpty()) {
                throw new IllegalArgumentException("a route needs at least one recipient");
            }
            if (ratePerHour < 1) {
                throw new IllegalArgumentException("ratePerHour " + ratePerHour + " must be at least 1");
            }
        }

        /** Whether an alert of {@code severity} is mailed on this route. */
        public boolean mails(AlertSeverity severity) {
            // AlertSeverity is declared most severe first: CRITICAL, WARNING, INFO.
            return severity.compareTo(minSeverity) <= 0;
        }
    }
}
