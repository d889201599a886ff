package io.driftwatch.tools.chaos;

import io.driftwatch.alerts.AlertsConfig;

import java.time.Duration;

/**
 * The settings of a {@code driftwatch alerts} process in a scenario: its own alerts topic, sent-ids topic and
 * consumer group (so scenarios on one broker never mix), a local SMTP server without TLS, grouping and rate
 * limit out of the way so each alert goes out at once, and retries close together so a scenario need not wait
 * out production backoffs.
 */
final class AlertsSettings {
    /** Longest wait between SMTP attempts in a scenario; an outage's alerts go out at most this long after SMTP is back. */
    static final Duration RETRY_BACKOFF_MAX = Duration.ofSeconds(2);
    // The broker's smallest allowed session: a SIGKILLed process's partition passes to its restart after this.
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    private AlertsSettings() {
    }

    /** Settings for the alerts process of run {@code run}, mailing through SMTP on 127.0.0.1:{@code smtpPort}. */
    static RunSettings of(String bootstrapServers, String run, int smtpPort) {
        return RunSettings.named(bootstrapServers, run)
                .set(AlertsConfig.CONSUMER_GROUP_CONFIG, "chaos-alerts-" + run)
                .set(AlertsConfig.SENT_TOPIC_CONFIG, AlertsConfig.CONFIG_DEF.defaultValues().get(AlertsConfig.SENT_TOPIC_CONFIG) + "-" + run)
                .set(AlertsConfig.GROUP_MS_CONFIG, "100")
                .set(AlertsConfig.RATE_LIMIT_CONFIG, "100000")
                .set(AlertsConfig.TO_CONFIG, "oncall@example.test")
                .set(AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1")
                .set(AlertsConfig.SMTP_PORT_CONFIG, Integer.toString(smtpPort))
                .set(AlertsConfig.SMTP_SECURITY_CONFIG, "none")
                .set(AlertsConfig.SMTP_TIMEOUT_MS_CONFIG, "10000")
                .set(AlertsConfig.RETRY_BACKOFF_MS_CONFIG, "200")
                .set(AlertsConfig.RETRY_BACKOFF_MAX_MS_CONFIG, Long.toString(RETRY_BACKOFF_MAX.toMillis()))
                .set("session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
    }
}
