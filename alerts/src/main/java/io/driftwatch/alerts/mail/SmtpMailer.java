package io.driftwatch.alerts.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;

import static java.util.Objects.requireNonNull;

/**
 * Sends an {@link AlertEmail} through SMTP with Jakarta Mail (Eclipse Angus), one connection per email: alerts
 * are rare, and a fresh connection picks up a rotated password. STARTTLS, when configured, is required; the
 * server's certificate and host name are checked unless the host is listed in {@code driftwatch.smtp.ssl.trust}. Failures come back as {@link DeliveryException}, sorted into
 * passing (connection refused, timeout, 4xx) and permanent (authentication, recipients, TLS, 5xx), each with
 * the setting to check. Never logs the password or addresses. Thread-safe.
 */
public final class SmtpMailer {
    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings settings) {
        String protocol = settings.security() == SmtpSecurity.SSL ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        String timeoutMillis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "auth", Boolean.toString(settings.user() != null));
        properties.put(prefix + "connectiontimeout", timeoutMillis);
        properties.put(prefix + "timeout", timeoutMillis);
        properties.put(prefix + "writetimeout", timeoutMillis);
        properties.put(prefix + "sendpartial", "true");
        // A host listed in ssl.trust is trusted without verifying its certificate, so checking the name in
        // that certificate would add nothing; every other host gets both checks.
        properties.put(prefix + "ssl.checkserveridentity", Boolean.toString(settings.sslTrust().isBlank()));
        if (!settings.sslTrust().isBlank()) {
            properties.put(prefix + "ssl.trust", settings.sslTrust());
        }
        if (settings.security() == SmtpSecurity.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        return properties;
    }

    /** The message that {@link #send} would send, for saving to files. */
    public MimeMessage message(AlertEmail email, List<String> recipients, List<String> alertIds, Instant sentAt)
            throws MessagingException {
        return MimeMessages.build(session, email, settings.from(), recipients, alertIds, sentAt);
    }

    /**
     * Sends {@code email} to {@code recipients}; returns once the server accepted it for at least one.
     *
     * @return how many recipients the server rejected (0 normally)
     * @throws DeliveryException when no recipient got it
     */
    public int send(AlertEmail email, List<String> recipients, List<String> alertIds, Instant sentAt) throws DeliveryException {
        try {
            MimeMessage message = message(email, recipients, alertIds, sentAt);
            try (Transport transport = session.getTransport()) {
                transport.connect(settings.host(), settings.port(), settings.user(), password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return 0;
        } catch (SendFailedException e) {
            return partial(e);
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    private @Nullable String password() throws DeliveryException {
        if (settings.password() == null) {
            return null;
        }
        try {
            return settings.password().read();
        } catch (IllegalStateException e) {
            throw new DeliveryException(DeliveryFailure.AUTHENTICATION, true, e.getMessage()
                    + "; fix driftwatch.smtp.password.env or driftwatch.smtp.password.file", e);
        }
    }

    private static int partial(SendFailedException e) throws DeliveryException {
        Address[] delivered = e.getValidSentAddresses();
        Address[] rejected = e.getInvalidAddresses();
        int rejectedCount = rejected == null ? 0 : rejected.length;
        if (delivered != null && delivered.length > 0) {
            return rejectedCount;
        }
        if (rejectedCount > 0) {
            throw new DeliveryException(DeliveryFailure.RECIPIENT, true, "the SMTP server rejected all " + rejectedCount
                    + " recipient(s): " + e.getMessage() + "; check the model's recipients (driftwatch.alerts.to, or its policy) and driftwatch.alerts.from", e);
        }
        throw classify(e);
    }

    private static DeliveryException classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryException(DeliveryFailure.AUTHENTICATION, true, "the SMTP server refused the credentials: "
                    + e.getMessage() + "; check driftwatch.smtp.user and the password's environment variable or file", e);
        }
        if (e instanceof MailConnectException) {
            return new DeliveryException(DeliveryFailure.REFUSED, false, "cannot connect to the SMTP server: " + e.getMessage(), e);
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return new DeliveryException(DeliveryFailure.TIMEOUT, false, "the SMTP server did not answer in time: " + e.getMessage()
                    + "; driftwatch.smtp.timeout.ms sets the limit", e);
        }
        if (hasCause(e, SSLException.class) || String.valueOf(e.getMessage()).contains("STARTTLS")) {
            return new DeliveryException(DeliveryFailure.TLS, true, "TLS with the SMTP server failed: " + e.getMessage()
                    + "; check driftwatch.smtp.security, driftwatch.smtp.port and driftwatch.smtp.ssl.trust", e);
        }
        if (e instanceof SMTPSendFailedException smtp) {
            boolean permanent = smtp.getReturnCode() >= 500;
            return new DeliveryException(DeliveryFailure.REJECTED, permanent, "the SMTP server refused the email (" + smtp.getReturnCode()
                    + "): " + e.getMessage() + (permanent ? "; check the sender address driftwatch.alerts.from and the server's limits" : ""), e);
        }
        return new DeliveryException(DeliveryFailure.OTHER, false, "sending through SMTP failed: " + e.getMessage(), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
