package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.driftwatch.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serde;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class WindowTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration SIZE = Duration.ofMinutes(10);
    private static final Duration IDLE_CLOSE = Duration.ofMinutes(15);
    private static final Duration GRACE = Duration.ofMinutes(1);

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SingleObjectAvroSerde<InferenceLog> logSerde = new SingleObjectAvroSerde<>(InferenceLog.getClassSchema());
    private final Serde<WindowProfile> profileSerde = Topics.PROFILES.valueSerde();

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, InferenceLog> inferences = builder.stream("inferences", Consumed.with(Serdes.String(), logSerde));
        FixedWindowRules.topology(builder, new WindowSpec(SIZE, GRACE, SIZE, Duration.ofHours(1), IDLE_CLOSE), 1, meters)
                .closedWindows(builder, inferences)
                .flatMapValues(WindowProfileRecords::of)
                .to("profiles", Produced.with(Serdes.String(), profileSerde));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "windows-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(builder.build(), properties);
    }

    private static InferenceLog log(String id, Instant time, double age, String country) {
        return InferenceLog.newBuilder().setRequestId(id).setModelName("fraud").setModelVersion("v3").setEventTime(time)
                .setFeatures(Map.of("age", age, "country", country)).setPrediction(age / 100).build();
    }

    private static void pipe(TestInputTopic<String, InferenceLog> input, InferenceLog log) {
        input.pipeInput(new TestRecord<>(log.getRequestId(), log, log.getEventTime()));
    }

    @Test
    void closesEachWindowOnceAfterItsGraceWithOneProfilePerFeatureAndThePrediction() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            pipe(input, log("a", T0.plusSeconds(10), 30, "NO"));
            pipe(input, log("b", T0.plusSeconds(20), 50, "SE"));
            pipe(input, log("c", T0.plus(SIZE).plusSeconds(30), 40, "NO"));
            assertThat(profiles.isEmpty()).as("the first window is still within its grace").isTrue();

            pipe(input, log("d", T0.plus(SIZE).plus(GRACE).plusSeconds(1), 35, "DK"));
            List<TestRecord<String, WindowProfile>> closed = profiles.readRecordsToList();
            assertThat(closed).extracting(r -> r.value().getFeature()).containsExactly("__prediction__", "age", "country");
            assertThat(closed).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo("fraud/v3");
                assertThat(r.value().getWindowStart()).isEqualTo(T0);
                assertThat(r.value().getWindowEnd()).isEqualTo(T0.plus(SIZE));
            });
            WindowProfile age = closed.get(1).value();
            assertThat(age.getColumnType()).isEqualTo(ColumnKind.NUMERIC);
            assertThat(age.getCount()).isEqualTo(2);
            NumericProfile ageProfile = ProfileCodec.numericFromBytes(age.getProfile().array());
            assertThat(ageProfile.mean()).isEqualTo(40.0);
            assertThat(ageProfile.exactSample().orElseThrow().toArray()).containsExactly(30.0, 50.0);

            pipe(input, log("e", T0.plus(SIZE.multipliedBy(3)), 33, "NO"));
            assertThat(profiles.readValuesToList()).extracting(WindowProfile::getWindowStart).containsOnly(T0.plus(SIZE))
                    .hasSize(3);
        }
    }

    @Test
    void countsARecordForAWindowThatAlreadyClosedAsLateInsteadOfReopeningIt() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            pipe(input, log("a", T0.plusSeconds(10), 30, "NO"));
            pipe(input, log("b", T0.plus(SIZE).plus(GRACE).plusSeconds(1), 35, "DK"));
            assertThat(profiles.readValuesToList()).hasSize(3);
            pipe(input, log("late", T0.plusSeconds(30), 99, "NO"));
            pipe(input, log("c", T0.plus(SIZE.multipliedBy(3)), 33, "NO"));
            List<WindowProfile> second = profiles.readValuesToList();
            assertThat(second).extracting(WindowProfile::getWindowStart).containsOnly(T0.plus(SIZE));
            assertThat(meters.get("driftwatch.records.late").tag("model", "fraud").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    @Tag("reliability")
    void aRecordFromAClockYearsAheadIsCountedAndClosesNoWindow() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            pipe(input, log("a", T0.plusSeconds(10), 30, "NO"));
            InferenceLog skewed = log("skewed", T0.plus(Duration.ofDays(3650)), 99, "NO");
            input.pipeInput(new TestRecord<>(skewed.getRequestId(), skewed, T0.plusSeconds(20)));
            assertThat(profiles.isEmpty()).as("ten years ahead of its Kafka timestamp: it must not close the open window").isTrue();

            pipe(input, log("b", T0.plusSeconds(30), 50, "SE"));
            pipe(input, log("c", T0.plus(SIZE).plus(GRACE).plusSeconds(1), 35, "DK"));
            List<WindowProfile> closed = profiles.readValuesToList();
            assertThat(closed).extracting(WindowProfile::getWindowStart).containsOnly(T0);
            assertThat(closed).filteredOn(profile -> profile.getFeature().equals("age"))
                    .extracting(WindowProfile::getCount).containsExactly(2L);
            assertThat(meters.get("driftwatch.records.future").tag("model", "fraud").counter().count()).isEqualTo(1.0);
            assertThat(meters.find("driftwatch.records.late").counter()).isNull();
        }
    }

    @Test
    @Tag("reliability")
    void aModelThatStopsSendingHasItsLastWindowClosedByOtherTraffic() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            pipe(input, log("a", T0.plusSeconds(10), 30, "NO"));
            InferenceLog other = log("b", T0.plus(SIZE.multipliedBy(5)), 60, "NO");
            other.setModelVersion("v4");
            pipe(input, other);
            assertThat(profiles.readRecordsToList()).as("v3 sent nothing after its first window, which still closes")
                    .extracting(TestRecord::key).containsOnly("fraud/v3").hasSize(3);
        }
    }

    @Test
    @Tag("reliability")
    void whenTheWholeTopicGoesQuietTheLastWindowClosesAfterTheIdleTimeAndALaterRecordForItIsLate() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            pipe(input, log("a", T0.plusSeconds(10), 30, "NO"));
            pipe(input, log("b", T0.plusSeconds(20), 50, "SE"));
            driver.advanceWallClockTime(IDLE_CLOSE.minusMinutes(1));
            assertThat(profiles.isEmpty()).as("quiet, but for less than the idle time").isTrue();

            driver.advanceWallClockTime(Duration.ofMinutes(2));
            List<WindowProfile> closed = profiles.readValuesToList();
            assertThat(closed).extracting(WindowProfile::getWindowStart).containsOnly(T0);
            assertThat(closed).filteredOn(profile -> profile.getFeature().equals("age"))
                    .extracting(WindowProfile::getCount).containsExactly(2L);

            pipe(input, log("late", T0.plusSeconds(30), 99, "NO"));
            assertThat(meters.get("driftwatch.records.late").tag("model", "fraud").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void aPartitionStillReceivingRecordsIsNeverIdleHoweverFarBehindTheWallClock() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            for (int minute = 0; minute < 8; minute++) {
                pipe(input, log("r" + minute, T0.plus(Duration.ofMinutes(minute)), 30 + minute, "NO"));
                driver.advanceWallClockTime(IDLE_CLOSE.minusMinutes(1));
            }
            assertThat(profiles.isEmpty()).as("two hours of wall clock passed, but never the idle time without a record").isTrue();
        }
    }

    @Test
    void keepsModelVersionsInSeparateWindows() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, InferenceLog> input = driver.createInputTopic("inferences", Serdes.String().serializer(), logSerde.serializer());
            TestOutputTopic<String, WindowProfile> profiles = driver.createOutputTopic("profiles", Serdes.String().deserializer(), profileSerde.deserializer());
            pipe(input, log("a", T0.plusSeconds(10), 30, "NO"));
            InferenceLog v4 = log("b", T0.plusSeconds(11), 60, "NO");
            v4.setModelVersion("v4");
            pipe(input, v4);
            pipe(input, log("c", T0.plus(SIZE).plus(GRACE).plusSeconds(1), 35, "DK"));
            assertThat(profiles.readRecordsToList()).extracting(TestRecord::key).containsOnly("fraud/v3", "fraud/v4").hasSize(6);
        }
    }
}
