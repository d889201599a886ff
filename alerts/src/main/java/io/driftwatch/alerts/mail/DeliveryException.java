package io.driftwatch.alerts.mail;

import static java.util.Objects.requireNonNull;

/**
 * An email was not accepted by the SMTP server. {@code permanent} means retrying alone will not help (a
 * refused password, a rejected recipient, a TLS setting): the message says which setting to fix. The email is
 * still retried, at the longest backoff, so a fixed secret file or server delivers it without a restart.
 */
public final class DeliveryException extends Exception {
    private final DeliveryFailure reason;
    private final boolean permanent;

    public DeliveryException(DeliveryFailure reason, boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
        this.permanent = permanent;
    }

    public DeliveryFailure reason() {
        return reason;
    }

    public boolean permanent() {
        return permanent;
    }
}
