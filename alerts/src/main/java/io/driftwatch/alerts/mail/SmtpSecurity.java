package io.driftwatch.alerts.mail;

import java.util.Locale;

/**
 * How the SMTP connection is protected. {@link #STARTTLS} is required when chosen, not opportunistic: a server
 * that does not offer it gets no password and no mail, rather than both in clear text.
 */
public enum SmtpSecurity {
    /** Plain SMTP; only for a relay on the same host or a test server. */
    NONE,
    /** Plain connection upgraded with STARTTLS before authentication (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SmtpSecurity parse(String label) {
        for (SmtpSecurity security : values()) {
            if (security.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return security;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of none, starttls, ssl");
    }
}
