package io.driftwatch.topology.quality;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityDirection;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyModelRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A model whose classes are named (fraud/legit) gets its positive-class figures and its business value in the
 * stream's quality reports from its policy's {@code outcome}, and a quality rule can watch the business value.
 */
class PolicyOutcomeQualityTest {
    private static final String FRAUD_POLICY = """
            model: fraud
            outcome: {positive_class: fraud, business_value: [[0, -5], [-50, 100]]}
            triggers: {quality: {metric: business_value, worse_than: 0, min_labels: 10}}
            """;
    /** Window 10:00: 3 frauds caught, 1 missed, 2 false alarms, 4 legit passed. */
    private static final String[][] CAUGHT_MOST = {{"fraud", "fraud"}, {"fraud", "fraud"}, {"fraud", "fraud"},
        {"legit", "fraud"}, {"fraud", "legit"}, {"fraud", "legit"}, {"legit", "legit"}, {"legit", "legit"},
        {"legit", "legit"}, {"legit", "legit"}};
    /** Window 10:10: 1 fraud caught, 3 missed, 2 false alarms, 4 legit passed. */
    private static final String[][] MISSED_MOST = {{"fraud", "fraud"}, {"legit", "fraud"}, {"legit", "fraud"},
        {"legit", "fraud"}, {"fraud", "legit"}, {"fraud", "legit"}, {"legit", "legit"}, {"legit", "legit"},
        {"legit", "legit"}, {"legit", "legit"}};

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private TopologyTestDriver driver() {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Duration.ofMinutes(10).toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Duration.ofMinutes(10).toMillis(),
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, 1_000L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT),
                (judgedBy, reference, current, thresholds, chosen) -> new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), new PolicyModelRules(config), 1, meters, Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-outcome-quality-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties, at("08:00:00"));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "Z");
    }

    /** Each pair (prediction, label) of {@code model} a minute apart from {@code from}, each labelled 30 seconds later. */
    private static void pairs(TopologyTestDriver driver, String model, String from, String[][] pairs) {
        TestInputTopic<byte[], byte[]> inferences = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        TestInputTopic<byte[], byte[]> labels = driver.createInputTopic("labels", Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        Instant time = at(from);
        for (String[] pair : pairs) {
            String requestId = model + time;
            inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(InferenceLog.newBuilder().setRequestId(requestId)
                    .setModelName(model).setModelVersion("1").setEventTime(time).setFeatures(Map.of("amount", 10.0))
                    .setPrediction(pair[0]).build()), time));
            Instant labelledAt = time.plusSeconds(30);
            labels.pipeInput(new TestRecord<>(null, RecordEncoders.json(FeedbackLabel.newBuilder().setRequestId(requestId)
                    .setModelName(model).setLabel(pair[1]).setEventTime(labelledAt).build()), labelledAt));
            time = time.plus(Duration.ofMinutes(1));
        }
    }

    /** Two update intervals of wall clock: the join sends its partial tallies, then the aggregator reports. */
    private static void update(TopologyTestDriver driver) {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private static List<QualityReport> finalReportsOf(List<QualityReport> reports, String model) {
        return reports.stream().filter(report -> report.getModelName().equals(model) && report.getIsFinal()).toList();
    }

    @Test
    void aNamedClassModelGetsRecallAndBusinessValueFromItsPolicyAndARuleOnTheBusinessValueFires() {
        try (TopologyTestDriver driver = driver()) {
            driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput(new TestRecord<>("fraud/*", FRAUD_POLICY, at("08:00:00")));
            pairs(driver, "fraud", "10:00:00", CAUGHT_MOST);
            pairs(driver, "unruled", "10:00:00", CAUGHT_MOST);
            update(driver);
            pairs(driver, "fraud", "10:10:00", MISSED_MOST);
            update(driver);
            pairs(driver, "later", "12:00:00", new String[][] {{"a", "a"}, {"a", "a"}});
            update(driver);
            update(driver);

            List<QualityReport> reports = driver.createOutputTopic("driftwatch.quality-reports",
                    Serdes.String().deserializer(), Topics.QUALITY_REPORTS.valueSerde().deserializer()).readValuesToList();
            List<QualityReport> fraud = finalReportsOf(reports, "fraud");
            assertThat(fraud).extracting(QualityReport::getWindowStart).containsExactly(at("10:00:00"), at("10:10:00"));
            Map<String, Double> caughtMost = fraud.get(0).getMetrics();
            assertThat(caughtMost.get("recall")).as("3 of 4 frauds caught").isEqualTo(0.75);
            assertThat(caughtMost.get("precision")).as("3 of 5 fraud predictions right").isEqualTo(0.6);
            assertThat(caughtMost.get("specificity")).as("4 of 6 legit passed").isCloseTo(4 / 6.0, within(1e-12));
            assertThat(caughtMost.get("business_value")).as("0*4 - 5*2 - 50*1 + 100*3").isEqualTo(240.0);
            assertThat(fraud.get(0).getBinary().getPositiveClass()).isEqualTo("fraud");
            assertThat(fraud.get(1).getMetrics().get("recall")).isEqualTo(0.25);
            assertThat(fraud.get(1).getMetrics().get("business_value")).as("0*4 - 5*2 - 50*3 + 100*1").isEqualTo(-60.0);
            assertThat(finalReportsOf(reports, "unruled")).singleElement()
                    .satisfies(report -> assertThat(report.getMetrics()).as("no policy names its positive class")
                            .doesNotContainKeys("recall", "business_value").containsKey("accuracy"));

            List<RetrainingTrigger> triggers = driver.createOutputTopic("driftwatch.triggers", Serdes.String().deserializer(),
                    Topics.TRIGGERS.valueSerde().deserializer()).readValuesToList();
            assertThat(triggers).as("the window below 0 business value, only").singleElement().satisfies(trigger -> {
                assertThat(trigger.getModelName()).isEqualTo("fraud");
                assertThat(trigger.getRule()).isEqualTo("quality_threshold");
                assertThat(trigger.getWindows().get(0).getStart()).isEqualTo(at("10:10:00"));
            });
            List<AlertEvent> alerts = driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(),
                    Topics.ALERTS.valueSerde().deserializer()).readValuesToList().stream()
                    .filter(alert -> alert.getKind() == AlertKind.QUALITY).toList();
            assertThat(alerts).hasSize(1);
            QualityFinding finding = alerts.get(0).getQuality();
            assertThat(finding.getMetric()).isEqualTo("business_value");
            assertThat(finding.getBetter()).isEqualTo(QualityDirection.HIGHER);
            assertThat(finding.getValue()).isEqualTo(-60.0);
            assertThat(finding.getLimit()).isEqualTo(0.0);
            assertThat(meters.get("driftwatch.quality.metric").tags("model", "fraud", "version", "1", "metric", "business_value")
                    .gauge().value()).as("the last final window's business value, as a gauge").isEqualTo(-60.0);
        }
    }
}
