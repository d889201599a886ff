package io.driftwatch.alerts.policy;

import java.util.Collection;

/**
 * The alert ids already mailed, kept where a restarted process finds them, so an id is mailed once.
 * {@link #recordSent} returns only when the ids are durable: the consumer commits its offsets after it.
 */
public interface SentAlerts {
    boolean contains(String alertId);

    /**
     * Records {@code alertIds} as mailed, durably, before returning.
     *
     * @throws SentAlertsException when the record cannot be made durable
     */
    void recordSent(Collection<String> alertIds);
}
