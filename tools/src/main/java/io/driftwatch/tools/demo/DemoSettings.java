package io.driftwatch.tools.demo;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's one configuration, shared by the streaming service and the alerts process as a properties file
 * would be: the scenario's window size, a short grace and label delay so the replay closes its windows in
 * seconds, inferences in Avro single-object encoding and labels in JSON, labels and a quality rule on, and
 * alerts grouped for a second and sent to the in-process SMTP catcher. Its topics ({@link DemoTopics}),
 * application id and alerts consumer group are the demo's own, so nothing a user runs on the same broker
 * reads or writes them.
 */
final class DemoSettings {
    static final String APPLICATION_ID = "driftwatch-demo";
    static final String ALERTS_CONSUMER_GROUP = "driftwatch-demo-alerts";
    static final String RECIPIENT = "oncall@example.test";
    static final Duration GRACE = Duration.ofMinutes(1);
    /**
     * Longer than the whole replay plus its label delays: the task reads the inferences and labels topics side by
     * side, and one that gets ahead on either (a busy machine) must not expire predictions whose labels it has not
     * read yet. The closing records then finalize every quality window at once.
     */
    static final Duration LABEL_MAX_DELAY = Duration.ofHours(4);
    /**
     * The shortest interval driftwatch allows: the replay runs through minutes of event time per second, and a window's
     * estimate is judged at the first pass after its grace, so a longer one would let most of its labels in first.
     */
    static final Duration QUALITY_UPDATE_INTERVAL = Duration.ofMillis(100);
    static final double ACCURACY_THRESHOLD = 0.75;
    static final long QUALITY_MIN_LABELS = 100;
    static final Duration ALERT_GROUP = Duration.ofSeconds(1);

    private DemoSettings() {
    }

    static Map<String, Object> of(String bootstrapServers, int smtpPort, int metricsPort, DemoScenario scenario) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.putAll(DemoTopics.settings());
        settings.put(DriftwatchConfig.INPUT_FORMAT_CONFIG, InputFormat.AVRO_SINGLE.label());
        settings.put(DriftwatchConfig.LABELS_FORMAT_CONFIG, InputFormat.JSON.label());
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(scenario.window().toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Long.toString(GRACE.toMillis()));
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(LABEL_MAX_DELAY.toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, Long.toString(QUALITY_UPDATE_INTERVAL.toMillis()));
        settings.put(DriftwatchConfig.TRIGGER_QUALITY_THRESHOLD_CONFIG, Double.toString(ACCURACY_THRESHOLD));
        settings.put(DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, Long.toString(QUALITY_MIN_LABELS));
        settings.put(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(metricsPort));
        settings.put(DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1");
        settings.put(AlertsConfig.CONSUMER_GROUP_CONFIG, ALERTS_CONSUMER_GROUP);
        settings.put(AlertsConfig.GROUP_MS_CONFIG, Long.toString(ALERT_GROUP.toMillis()));
        settings.put(AlertsConfig.TO_CONFIG, RECIPIENT);
        settings.put(AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1");
        settings.put(AlertsConfig.SMTP_PORT_CONFIG, Integer.toString(smtpPort));
        settings.put(AlertsConfig.SMTP_SECURITY_CONFIG, "none");
        return settings;
    }

    /** An event time past every window's close: drift windows' grace and quality windows' label delay. */
    static Instant closingTime(DemoScenario scenario) {
        return scenario.end().plus(LABEL_MAX_DELAY).plus(GRACE).plus(scenario.window());
    }
}
