package io.driftwatch.alerts;

import io.driftwatch.alerts.mail.RenderSettings;
import io.driftwatch.alerts.mail.SmtpPassword;
import io.driftwatch.alerts.mail.SmtpSecurity;
import io.driftwatch.alerts.mail.SmtpSettings;
import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.alerts.policy.Backoff;
import io.driftwatch.schemas.record.AlertSeverity;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;

/**
 * The alerts process's own settings ({@code driftwatch.alerts.*}, {@code driftwatch.smtp.*}), read from the
 * same properties file as the service; topic names and Kafka client settings come from
 * {@code DriftwatchConfig}. Validated at start-up; every error names the key and what to set. The SMTP
 * password is never a key here: only the environment variable or file that holds it.
 */
@SuppressWarnings("BadImport") // ConfigDef.Type is imported to write Type.LONG, as Kafka's own configs do
public final class AlertsConfig extends AbstractConfig {
    public static final String GROUP_MS_CONFIG = "driftwatch.alerts.group.ms";
    private static final String GROUP_MS_DOC = "Alerts for one model version arriving within this time of the first one go into one email.";
    public static final String RATE_LIMIT_CONFIG = "driftwatch.alerts.rate.limit.per.hour";
    private static final String RATE_LIMIT_DOC = "Most emails per model in any hour; later alerts wait and are folded into the next email, never dropped.";
    public static final String CONSUMER_GROUP_CONFIG = "driftwatch.alerts.consumer.group";
    private static final String CONSUMER_GROUP_DOC = "Consumer group of the alerts process on the alerts topic.";
    public static final String SENT_TOPIC_CONFIG = "driftwatch.alerts.sent.topic";
    private static final String SENT_TOPIC_DOC = "Topic of the alert ids already mailed (compacted, and deleted after driftwatch.alerts.sent.retention.ms); read back at start so a restart mails nothing twice.";
    public static final String SENT_RETENTION_MS_CONFIG = "driftwatch.alerts.sent.retention.ms";
    private static final String SENT_RETENTION_MS_DOC = "How long a mailed alert's id is remembered, in memory and on the sent-ids topic (its retention.ms when driftwatch creates it); "
            + "an alert read again after that is mailed again. Keep it above the alerts topic's retention.ms, past which an alert cannot be read again.";
    public static final String FROM_CONFIG = "driftwatch.alerts.from";
    private static final String FROM_DOC = "Sender address of alert emails.";
    public static final String TO_CONFIG = "driftwatch.alerts.to";
    private static final String TO_DOC = "Recipients of alert emails, comma-separated. Required.";
    public static final String GRAFANA_URL_CONFIG = "driftwatch.alerts.grafana.url";
    private static final String GRAFANA_URL_DOC = "Grafana base URL; when set, each email links to ${url}/d/driftwatch?var-model=..&var-version=.. for its model.";
    public static final String CHARTS_MAX_CONFIG = "driftwatch.alerts.charts.max";
    private static final String CHARTS_MAX_DOC = "Drifted features (largest effect first) that get an inline chart of reference against current distribution.";
    public static final String RETRY_BACKOFF_MS_CONFIG = "driftwatch.alerts.retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "Wait after the first failed SMTP attempt; it doubles with each further failure.";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "driftwatch.alerts.retry.backoff.max.ms";
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "Longest wait between SMTP attempts; an undeliverable email is retried this often until it goes out.";
    public static final String SMTP_HOST_CONFIG = "driftwatch.smtp.host";
    private static final String SMTP_HOST_DOC = "SMTP server host. Required.";
    public static final String SMTP_PORT_CONFIG = "driftwatch.smtp.port";
    private static final String SMTP_PORT_DOC = "SMTP server port (587 for starttls, 465 for ssl, 25 for none).";
    public static final String SMTP_SECURITY_CONFIG = "driftwatch.smtp.security";
    private static final String SMTP_SECURITY_DOC = "none, starttls (required, not opportunistic) or ssl (SMTPS).";
    public static final String SMTP_SSL_TRUST_CONFIG = "driftwatch.smtp.ssl.trust";
    private static final String SMTP_SSL_TRUST_DOC = "Hosts whose TLS certificate is trusted unverified, host name unchecked (space-separated, * for any: test servers only); empty: verify both.";
    public static final String SMTP_USER_CONFIG = "driftwatch.smtp.user";
    private static final String SMTP_USER_DOC = "SMTP user; empty for a server without authentication.";
    public static final String SMTP_PASSWORD_ENV_CONFIG = "driftwatch.smtp.password.env";
    private static final String SMTP_PASSWORD_ENV_DOC = "Name of the environment variable holding the SMTP password.";
    public static final String SMTP_PASSWORD_FILE_CONFIG = "driftwatch.smtp.password.file";
    private static final String SMTP_PASSWORD_FILE_DOC = "File holding the SMTP password (read at each connection, so a rotated secret needs no restart).";
    public static final String SMTP_TIMEOUT_MS_CONFIG = "driftwatch.smtp.timeout.ms";
    private static final String SMTP_TIMEOUT_MS_DOC = "Connect, read and write timeout of one SMTP conversation.";

    /** The one definition of every alerts key; docs/configuration.md's table is rendered from it. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(GROUP_MS_CONFIG, Type.LONG, Duration.ofMinutes(5).toMillis(), atLeast(0L), Importance.HIGH, GROUP_MS_DOC)
            .define(RATE_LIMIT_CONFIG, Type.INT, 6, atLeast(1), Importance.MEDIUM, RATE_LIMIT_DOC)
            .define(CONSUMER_GROUP_CONFIG, Type.STRING, "driftwatch-alerts", new ConfigDef.NonEmptyString(), Importance.LOW, CONSUMER_GROUP_DOC)
            .define(SENT_TOPIC_CONFIG, Type.STRING, "driftwatch.alerts-sent", new ConfigDef.NonEmptyString(), Importance.LOW, SENT_TOPIC_DOC)
            .define(SENT_RETENTION_MS_CONFIG, Type.LONG, Duration.ofDays(30).toMillis(), atLeast(Duration.ofMinutes(1).toMillis()),
                    Importance.LOW, SENT_RETENTION_MS_DOC)
            .define(FROM_CONFIG, Type.STRING, "driftwatch@localhost", new ConfigDef.NonEmptyString(), Importance.MEDIUM, FROM_DOC)
            .define(TO_CONFIG, Type.LIST, List.of(), Importance.HIGH, TO_DOC)
            .define(GRAFANA_URL_CONFIG, Type.STRING, "", Importance.MEDIUM, GRAFANA_URL_DOC)
            .define(CHARTS_MAX_CONFIG, Type.INT, 3, between(0, 20), Importance.LOW, CHARTS_MAX_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 1_000L, atLeast(1L), Importance.LOW, RETRY_BACKOFF_MS_DOC)
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, Duration.ofMinutes(5).toMillis(), atLeast(1L), Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC)
            .define(SMTP_HOST_CONFIG, Type.STRING, "", Importance.HIGH, SMTP_HOST_DOC)
            .define(SMTP_PORT_CONFIG, Type.INT, 587, between(1, 65_535), Importance.HIGH, SMTP_PORT_DOC)
            .define(SMTP_SECURITY_CONFIG, Type.STRING, SmtpSecurity.STARTTLS.label(), new SecurityValidator(), Importance.HIGH, SMTP_SECURITY_DOC)
            .define(SMTP_SSL_TRUST_CONFIG, Type.STRING, "", Importance.LOW, SMTP_SSL_TRUST_DOC)
            .define(SMTP_USER_CONFIG, Type.STRING, "", Importance.HIGH, SMTP_USER_DOC)
            .define(SMTP_PASSWORD_ENV_CONFIG, Type.STRING, "", Importance.HIGH, SMTP_PASSWORD_ENV_DOC)
            .define(SMTP_PASSWORD_FILE_CONFIG, Type.STRING, "", Importance.HIGH, SMTP_PASSWORD_FILE_DOC)
            .define(SMTP_TIMEOUT_MS_CONFIG, Type.LONG, 30_000L, atLeast(100L), Importance.LOW, SMTP_TIMEOUT_MS_DOC);

    private final Map<String, String> environment;

    /**
     * @param environment where {@link #SMTP_PASSWORD_ENV_CONFIG} is looked up, normally {@code System.getenv()}
     * @throws ConfigException naming the key that is wrong or missing
     */
    public AlertsConfig(Map<?, ?> originals, Map<String, String> environment) {
        super(CONFIG_DEF, stringKeys(originals), false);
        this.environment = Map.copyOf(environment);
        if (getString(SMTP_HOST_CONFIG).isBlank()) {
            throw new ConfigException(SMTP_HOST_CONFIG, "", "is required: the SMTP server alert emails go through");
        }
        if (getList(TO_CONFIG).isEmpty()) {
            throw new ConfigException(TO_CONFIG, "", "is required: who gets alert emails, e.g. oncall@example.com");
        }
        if (getLong(RETRY_BACKOFF_MAX_MS_CONFIG) < getLong(RETRY_BACKOFF_MS_CONFIG)) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS_CONFIG, getLong(RETRY_BACKOFF_MAX_MS_CONFIG),
                    "must be at least " + RETRY_BACKOFF_MS_CONFIG + " (" + getLong(RETRY_BACKOFF_MS_CONFIG) + ")");
        }
        boolean hasEnv = !getString(SMTP_PASSWORD_ENV_CONFIG).isBlank();
        boolean hasFile = !getString(SMTP_PASSWORD_FILE_CONFIG).isBlank();
        if (hasEnv && hasFile) {
            throw new ConfigException(SMTP_PASSWORD_FILE_CONFIG, getString(SMTP_PASSWORD_FILE_CONFIG),
                    "set either it or " + SMTP_PASSWORD_ENV_CONFIG + ", not both");
        }
        if (!getString(SMTP_USER_CONFIG).isBlank() && !hasEnv && !hasFile) {
            throw new ConfigException(SMTP_USER_CONFIG, getString(SMTP_USER_CONFIG), "needs a password: set "
                    + SMTP_PASSWORD_ENV_CONFIG + " (an environment variable's name) or " + SMTP_PASSWORD_FILE_CONFIG);
        }
        if (hasEnv && !this.environment.containsKey(getString(SMTP_PASSWORD_ENV_CONFIG))) {
            throw new ConfigException(SMTP_PASSWORD_ENV_CONFIG, getString(SMTP_PASSWORD_ENV_CONFIG),
                    "names an environment variable that is not set in this process");
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> originals) {
        Map<String, Object> keys = new HashMap<>();
        originals.forEach((key, value) -> keys.put(String.valueOf(key), value));
        return keys;
    }

    public Duration groupTime() {
        return Duration.ofMillis(getLong(GROUP_MS_CONFIG));
    }

    public int emailsPerModelPerHour() {
        return getInt(RATE_LIMIT_CONFIG);
    }

    public String consumerGroup() {
        return getString(CONSUMER_GROUP_CONFIG);
    }

    public String sentTopic() {
        return getString(SENT_TOPIC_CONFIG);
    }

    public Duration sentRetention() {
        return Duration.ofMillis(getLong(SENT_RETENTION_MS_CONFIG));
    }

    public Backoff backoff() {
        return new Backoff(Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG)), Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS_CONFIG)));
    }

    public RenderSettings render() {
        return new RenderSettings(getString(GRAFANA_URL_CONFIG).strip(), getInt(CHARTS_MAX_CONFIG));
    }

    public SmtpSettings smtp() {
        String user = getString(SMTP_USER_CONFIG);
        return new SmtpSettings(getString(SMTP_HOST_CONFIG).strip(), getInt(SMTP_PORT_CONFIG),
                SmtpSecurity.parse(getString(SMTP_SECURITY_CONFIG)), user.isBlank() ? null : user, password(),
                getString(SMTP_SSL_TRUST_CONFIG), Duration.ofMillis(getLong(SMTP_TIMEOUT_MS_CONFIG)),
                getString(FROM_CONFIG));
    }

    /** Every model's alerts to {@link #TO_CONFIG}, every severity, {@link #RATE_LIMIT_CONFIG} emails an hour. */
    public AlertRouting routing() {
        AlertRouting.Route route = new AlertRouting.Route(getList(TO_CONFIG), AlertSeverity.INFO, getInt(RATE_LIMIT_CONFIG));
        return (model, version) -> route;
    }

    private @Nullable SmtpPassword password() {
        String variable = getString(SMTP_PASSWORD_ENV_CONFIG);
        if (!variable.isBlank()) {
            return SmtpPassword.fromEnvironment(variable, environment);
        }
        String file = getString(SMTP_PASSWORD_FILE_CONFIG);
        return file.isBlank() ? null : SmtpPassword.fromFile(Path.of(file));
    }

    /** Validates {@link #SMTP_SECURITY_CONFIG} at start-up, naming the accepted values. */
    private static final class SecurityValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                SmtpSecurity.parse(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "none, starttls or ssl";
        }
    }
}
