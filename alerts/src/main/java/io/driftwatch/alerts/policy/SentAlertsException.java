package io.driftwatch.alerts.policy;

import org.jspecify.annotations.Nullable;

/** The store of sent alert ids cannot be read or written: the alerts process cannot promise "once" without it. */
public final class SentAlertsException extends RuntimeException {
    public SentAlertsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
