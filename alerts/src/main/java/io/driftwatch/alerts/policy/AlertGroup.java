package io.driftwatch.alerts.policy;

import io.driftwatch.schemas.record.AlertEvent;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The alerts of one model version that go into one email: one incident. {@code openedAt} is when its first
 * alert arrived (wall time); alerts are in arrival order, each id once.
 */
public record AlertGroup(String model, String version, Instant openedAt, List<PendingAlert> alerts) {
    public AlertGroup {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
        requireNonNull(openedAt, "openedAt");
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a group of " + model + " " + version + " needs at least one alert");
        }
    }

    public List<AlertEvent> events() {
        return alerts.stream().map(PendingAlert::event).toList();
    }

    public List<String> alertIds() {
        return alerts.stream().map(PendingAlert::alertId).toList();
    }
}
