package io.driftwatch.alerts.mail;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How to reach the SMTP server and whom the emails are from (whom each goes to is its model's route). {@code user} is null for a server without authentication;
 * {@code sslTrust} is Jakarta Mail's {@code mail.smtp.ssl.trust} (empty: the JVM's trust store decides).
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, @Nullable String user, @Nullable SmtpPassword password,
                           String sslTrust, Duration timeout, String from) {
    public SmtpSettings {
        requireNonNull(host, "host");
        requireNonNull(security, "security");
        requireNonNull(sslTrust, "sslTrust");
        requireNonNull(timeout, "timeout");
        requireNonNull(from, "from");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port " + port + " is not in 1..65535");
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("SMTP user " + user + " needs a password source");
        }
    }
}
