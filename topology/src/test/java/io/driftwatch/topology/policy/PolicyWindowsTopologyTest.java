package io.driftwatch.topology.policy;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.window.WindowMetrics;
import io.driftwatch.topology.window.WindowTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Each model's windows cut as its own policy on the policies topic says, through the windowing stages. */
class PolicyWindowsTopologyTest {
    private static final String FRAUD_TEN_MINUTES = """
            model: fraud
            window: {size: 10m, grace: 1m}
            """;
    private static final String FRAUD_HALF_HOURS = """
            model: fraud
            window: {size: 30m, grace: 1m, offset: 5m}
            """;
    private static final String CREDIT_HOURLY_FROM_QUARTER_PAST = """
            model: credit
            window: {size: 1h, offset: 15m}
            """;

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SingleObjectAvroSerde<InferenceLog> logSerde = new SingleObjectAvroSerde<>(InferenceLog.getClassSchema());

    private TopologyTestDriver driver() {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(Duration.ofMinutes(20).toMillis()),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "0"));
        PolicyModelRules rules = new PolicyModelRules(config);
        PolicyMetrics policyMetrics = new PolicyMetrics(meters);
        StreamsBuilder builder = new StreamsBuilder();
        AcceptedPolicies.addTo(builder, "driftwatch.policies", rules, policyMetrics);
        KStream<String, InferenceLog> inferences = builder.stream("inferences", Consumed.with(Serdes.String(), logSerde));
        new WindowTopology(config.windows(), config.numericProfiles(), config.categoricalProfiles(), 1, rules, policyMetrics,
                new WindowMetrics(meters))
                .closedWindows(builder, inferences)
                .mapValues(closed -> Instant.ofEpochMilli(closed.window().startMillis()) + " " + Instant.ofEpochMilli(closed.endMillis())
                        + " " + closed.profiles().records())
                .to("closed", Produced.with(Serdes.String(), Serdes.String()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-windows-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(builder.build(), properties);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "Z");
    }

    private static void publish(TopologyTestDriver driver, String key, String policy, String time) {
        driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                .pipeInput(new TestRecord<>(key, policy, at(time)));
    }

    /** One record of {@code model} per minute from {@code from} (inclusive) to {@code to} (exclusive). */
    private void everyMinute(TestInputTopic<String, InferenceLog> input, String model, String from, String to) {
        for (Instant time = at(from); time.isBefore(at(to)); time = time.plus(Duration.ofMinutes(1))) {
            InferenceLog log = InferenceLog.newBuilder().setRequestId(model + time).setModelName(model).setModelVersion("1")
                    .setEventTime(time).setFeatures(Map.of("amount", 10.0 + time.getEpochSecond() % 7)).setPrediction(0.5).build();
            input.pipeInput(new TestRecord<>(log.getRequestId(), log, time));
        }
    }

    private TestInputTopic<String, InferenceLog> inferences(TopologyTestDriver driver) {
        return driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
    }

    private static TestOutputTopic<String, String> closed(TopologyTestDriver driver) {
        return driver.createOutputTopic("closed", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    private static List<String> windowsOf(List<org.apache.kafka.streams.KeyValue<String, String>> closed, String modelKey) {
        return closed.stream().filter(window -> window.key.equals(modelKey)).map(window -> window.value).toList();
    }

    @Test
    void twoModelsInOneServiceCutWindowsOfTheirOwnSizeAndOffsetAndCloseThemIndependently() {
        try (TopologyTestDriver driver = driver()) {
            publish(driver, "fraud/*", FRAUD_TEN_MINUTES, "08:00:00");
            publish(driver, "credit/*", CREDIT_HOURLY_FROM_QUARTER_PAST, "08:00:00");
            TestInputTopic<String, InferenceLog> input = inferences(driver);
            everyMinute(input, "fraud", "10:00:00", "10:40:00");
            everyMinute(input, "credit", "10:15:00", "10:40:00");

            var first = closed(driver).readKeyValuesToList();
            assertThat(windowsOf(first, "fraud/1")).as("fraud's windows close ten minutes apart, each a minute after its end")
                    .containsExactly("2026-12-07T10:00:00Z 2026-12-07T10:10:00Z 10", "2026-12-07T10:10:00Z 2026-12-07T10:20:00Z 10",
                            "2026-12-07T10:20:00Z 2026-12-07T10:30:00Z 10");
            assertThat(windowsOf(first, "credit/1")).as("credit's first hour, from a quarter past, is still open").isEmpty();

            everyMinute(input, "fraud", "10:40:00", "11:16:00");
            assertThat(windowsOf(closed(driver).readKeyValuesToList(), "credit/1"))
                    .containsExactly("2026-12-07T10:15:00Z 2026-12-07T11:15:00Z 25");
        }
    }

    @Test
    void aNewWindowSizeTakesOverAtTheBoundaryAfterItsPublicationWithEveryRecordInExactlyOneWindow() {
        try (TopologyTestDriver driver = driver()) {
            publish(driver, "fraud/*", FRAUD_TEN_MINUTES, "08:00:00");
            TestInputTopic<String, InferenceLog> input = inferences(driver);
            everyMinute(input, "fraud", "10:00:00", "10:26:00");
            publish(driver, "fraud/*", FRAUD_HALF_HOURS, "10:25:30");
            everyMinute(input, "fraud", "10:26:00", "12:00:00");
            everyMinute(input, "other", "12:00:00", "12:10:00");

            List<String> windows = windowsOf(closed(driver).readKeyValuesToList(), "fraud/1");
            assertThat(windows).containsExactly(
                    "2026-12-07T10:00:00Z 2026-12-07T10:10:00Z 10",
                    "2026-12-07T10:10:00Z 2026-12-07T10:20:00Z 10",
                    "2026-12-07T10:20:00Z 2026-12-07T10:30:00Z 10",
                    "2026-12-07T10:30:00Z 2026-12-07T10:35:00Z 5",
                    "2026-12-07T10:35:00Z 2026-12-07T11:05:00Z 30",
                    "2026-12-07T11:05:00Z 2026-12-07T11:35:00Z 30",
                    "2026-12-07T11:35:00Z 2026-12-07T12:05:00Z 25");
            assertThat(windows.stream().mapToLong(window -> Long.parseLong(window.substring(window.lastIndexOf(' ') + 1))).sum())
                    .as("two hours of one record a minute").isEqualTo(120);
            assertThat(meters.get("driftwatch.windows.shape.changes").tag("at", "boundary").counter().count()).isEqualTo(1.0);
            assertThat(meters.find("driftwatch.records.late").counter()).as("no record was late").isNull();
        }
    }

    @Test
    void aPolicyTheServiceRejectsLeavesTheModelsWindowsAsTheyWere() {
        try (TopologyTestDriver driver = driver()) {
            publish(driver, "fraud/*", FRAUD_TEN_MINUTES, "08:00:00");
            TestInputTopic<String, InferenceLog> input = inferences(driver);
            everyMinute(input, "fraud", "10:00:00", "10:15:00");
            publish(driver, "fraud/*", "model: fraud\nwindow: {size: 10m, offset: 10m}\n", "10:14:00");
            everyMinute(input, "fraud", "10:15:00", "10:31:00");

            assertThat(windowsOf(closed(driver).readKeyValuesToList(), "fraud/1")).containsExactly(
                    "2026-12-07T10:00:00Z 2026-12-07T10:10:00Z 10", "2026-12-07T10:10:00Z 2026-12-07T10:20:00Z 10");
            assertThat(meters.find("driftwatch.windows.shape.changes").counter()).isNull();
        }
    }

    @Test
    void aModelWithoutAWindowInItsPolicyIsCutByTheSettings() {
        try (TopologyTestDriver driver = driver()) {
            publish(driver, "credit/*", "model: credit\ntriggers: {cooldown: 1h}\n", "08:00:00");
            everyMinute(inferences(driver), "credit", "10:00:00", "10:41:00");

            assertThat(windowsOf(closed(driver).readKeyValuesToList(), "credit/1")).containsExactly(
                    "2026-12-07T10:00:00Z 2026-12-07T10:20:00Z 20", "2026-12-07T10:20:00Z 2026-12-07T10:40:00Z 20");
        }
    }
}
