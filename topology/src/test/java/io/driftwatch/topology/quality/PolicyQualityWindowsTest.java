package io.driftwatch.topology.quality;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
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

/** Each model's quality reports on the windows its own policy on the policies topic cuts, as its drift reports are. */
class PolicyQualityWindowsTest {
    private static final String FRAUD_TEN_MINUTES = """
            model: fraud
            window: {size: 10m, grace: 1m}
            """;
    private static final String CREDIT_HOURLY_FROM_QUARTER_PAST = """
            model: credit
            window: {size: 1h, offset: 15m}
            """;

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private TopologyTestDriver driver() {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Duration.ofMinutes(20).toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Duration.ofMinutes(10).toMillis(),
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, 1_000L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT),
                (judgedBy, reference, current, thresholds, chosen) -> new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), new PolicyModelRules(config), 1, new SimpleMeterRegistry(), Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-quality-windows-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties, at("08:00:00"));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "Z");
    }

    private static void publish(TopologyTestDriver driver, String key, String policy, String time) {
        driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                .pipeInput(new TestRecord<>(key, policy, at(time)));
    }

    /** One prediction of {@code model} per minute from {@code from} (inclusive) to {@code to} (exclusive), each labelled a minute later. */
    private static void everyMinute(TopologyTestDriver driver, String model, String from, String to) {
        TestInputTopic<byte[], byte[]> inferences = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        TestInputTopic<byte[], byte[]> labels = driver.createInputTopic("labels", Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        for (Instant time = at(from); time.isBefore(at(to)); time = time.plus(Duration.ofMinutes(1))) {
            String requestId = model + time;
            InferenceLog log = InferenceLog.newBuilder().setRequestId(requestId).setModelName(model).setModelVersion("1")
                    .setEventTime(time).setFeatures(Map.of("x", 1.0)).setPrediction("yes").build();
            inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
            Instant labelledAt = time.plus(Duration.ofMinutes(1));
            FeedbackLabel label = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName(model).setLabel("yes")
                    .setEventTime(labelledAt).build();
            labels.pipeInput(new TestRecord<>(null, RecordEncoders.json(label), labelledAt));
        }
    }

    /** Two update intervals of wall clock: the join sends its partial tallies, then the aggregator reports. */
    private static void update(TopologyTestDriver driver) {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private static List<String> finalWindowsOf(List<QualityReport> reports, String model) {
        return reports.stream().filter(report -> report.getModelName().equals(model) && report.getIsFinal())
                .map(report -> report.getWindowStart() + " " + report.getWindowEnd() + " " + report.getPredictions()).toList();
    }

    @Test
    void twoModelsUnderTwoPoliciesGetFinalQualityReportsOnTheirOwnWindows() {
        try (TopologyTestDriver driver = driver()) {
            publish(driver, "fraud/*", FRAUD_TEN_MINUTES, "08:00:00");
            publish(driver, "credit/*", CREDIT_HOURLY_FROM_QUARTER_PAST, "08:00:00");
            everyMinute(driver, "fraud", "10:00:00", "10:30:00");
            everyMinute(driver, "credit", "10:15:00", "11:15:00");
            update(driver);
            everyMinute(driver, "other", "12:00:00", "12:02:00");
            update(driver);
            update(driver);

            List<QualityReport> reports = driver.createOutputTopic("driftwatch.quality-reports", Serdes.String().deserializer(),
                    Topics.QUALITY_REPORTS.valueSerde().deserializer()).readValuesToList();
            assertThat(finalWindowsOf(reports, "fraud")).as("fraud's quality windows are ten minutes from the hour")
                    .containsExactly("2026-12-07T10:00:00Z 2026-12-07T10:10:00Z 10", "2026-12-07T10:10:00Z 2026-12-07T10:20:00Z 10",
                            "2026-12-07T10:20:00Z 2026-12-07T10:30:00Z 10");
            assertThat(finalWindowsOf(reports, "credit")).as("credit's quality window is an hour from a quarter past")
                    .containsExactly("2026-12-07T10:15:00Z 2026-12-07T11:15:00Z 60");
        }
    }
}
