package io.driftwatch.tools.demo;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTopicsTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 3, 150, Duration.ofMinutes(20), 7L);

    @TempDir
    Path directory;

    private final Map<String, Object> settings = DemoSettings.of("127.0.0.1:9092", 2525, 9464, SCENARIO);
    private final DriftwatchConfig config = new DriftwatchConfig(settings);

    @Test
    void theServiceAndTheAlertsProcessUseTheDemosOwnTopicsApplicationIdAndConsumerGroup() {
        AlertsConfig alerts = new AlertsConfig(settings, Map.of());

        assertThat(Map.of(
                "inferences", config.topic(DriftwatchConfig.INFERENCES_TOPIC_CONFIG),
                "labels", config.topic(DriftwatchConfig.LABELS_TOPIC_CONFIG),
                "profiles", config.topic(DriftwatchConfig.PROFILES_TOPIC_CONFIG),
                "baselines", config.topic(DriftwatchConfig.BASELINES_TOPIC_CONFIG),
                "drift reports", config.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG),
                "quality reports", config.topic(DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG),
                "triggers", config.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG),
                "alerts", config.topic(DriftwatchConfig.ALERTS_TOPIC_CONFIG),
                "dead letters", config.topic(DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG),
                "mailed alert ids", alerts.sentTopic()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "inferences", "driftwatch-demo.inferences",
                        "labels", "driftwatch-demo.labels",
                        "profiles", "driftwatch-demo.profiles",
                        "baselines", "driftwatch-demo.baselines",
                        "drift reports", "driftwatch-demo.drift-reports",
                        "quality reports", "driftwatch-demo.quality-reports",
                        "triggers", "driftwatch-demo.triggers",
                        "alerts", "driftwatch-demo.alerts",
                        "dead letters", "driftwatch-demo.dead-letter",
                        "mailed alert ids", "driftwatch-demo.alerts-sent"));
        assertThat(config.applicationId()).as("prefix of the internal topics").isEqualTo("driftwatch-demo");
        assertThat(alerts.consumerGroup()).isEqualTo("driftwatch-demo-alerts");
    }

    @Test
    void theReplayedTrafficGoesToTheTopicsTheDemosServiceReads() throws Exception {
        CreditTraffic traffic = CreditTraffic.from(BundledData.copy(BundledData.REFERENCE, directory), SCENARIO);

        assertThat(traffic.records()).extracting(DemoRecord::topic).containsOnly(
                config.topic(DriftwatchConfig.INFERENCES_TOPIC_CONFIG), config.topic(DriftwatchConfig.LABELS_TOPIC_CONFIG));
    }
}
