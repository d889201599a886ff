package io.driftwatch.alerts.mail;

/**
 * Why an email did not go out; the bounded {@code reason} tag of the failure counter. Whether a person must
 * act is {@link DeliveryException#permanent()}, not the reason alone: a refused connection is a passing
 * outage, a refused password is not.
 */
public enum DeliveryFailure {
    REFUSED, TIMEOUT, AUTHENTICATION, RECIPIENT, TLS, REJECTED, OTHER;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
