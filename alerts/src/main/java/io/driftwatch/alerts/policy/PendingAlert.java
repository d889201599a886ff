package io.driftwatch.alerts.policy;

import io.driftwatch.schemas.record.AlertEvent;

import static java.util.Objects.requireNonNull;

/**
 * An alert event read but not yet mailed, with where it came from: its offset may not be committed until
 * the email holding it is sent and recorded.
 */
public record PendingAlert(AlertEvent event, int partition, long offset) {
    public PendingAlert {
        requireNonNull(event, "event");
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + " is negative");
        }
    }

    public String alertId() {
        return event.getAlertId();
    }
}
