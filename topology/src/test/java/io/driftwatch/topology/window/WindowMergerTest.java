package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge stage as three input partitions drive it: records go straight into the repartition topic with
 * the source partition each would carry, since the test driver runs a single partition.
 */
class WindowMergerTest {
    private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    private static final Duration SIZE = Duration.ofMinutes(10);
    private static final Duration IDLE_CLOSE = Duration.ofMinutes(15);
    private static final Duration MERGE_DELAY = Duration.ofHours(1);
    private static final int PARTITIONS = 3;
    private static final String REPARTITION = "merge-test-" + WindowTopology.PARTIALS_REPARTITION + "-repartition";
    private static final Serde<MergeInput> SERDE = MergeInput.serde(new WindowShape(SIZE, Duration.ZERO, Duration.ZERO));

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, InferenceLog> inferences = builder.stream("inferences",
                Consumed.with(Serdes.String(), new SingleObjectAvroSerde<>(InferenceLog.getClassSchema())));
        FixedWindowRules.topology(builder, new WindowSpec(SIZE, Duration.ZERO, MERGE_DELAY, Duration.ofHours(1), IDLE_CLOSE),
                        PARTITIONS, meters)
                .closedWindows(builder, inferences)
                .map((key, closed) -> KeyValue.pair(key, closed.window().startMillis() + "|" + closed.profiles().records()
                        + "|" + closed.complete()))
                .to("closed", Produced.with(Serdes.String(), Serdes.String()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "merge-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(builder.build(), properties);
    }

    private static PartialWindow partial(String model, long start, int partition, double... ages) {
        FeatureProfiles profiles = new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
        for (double age : ages) {
            profiles.add(Map.of("age", age), age);
        }
        return new PartialWindow(new WindowKey(model, "v1", start, start + SIZE.toMillis()), partition, start + SIZE.toMillis(),
                profiles);
    }

    private static long window(int index) {
        return T0 + index * SIZE.toMillis();
    }

    /** A partition's event time once it has closed window {@code index} (the windows have no grace). */
    private static long passed(int index) {
        return window(index + 1);
    }

    @Test
    void closesALowTrafficModelsWindowOnTheWatermarksOfPartitionsThatNeverCarryIt() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, MergeInput> stage = driver.createInputTopic(REPARTITION, Serdes.String().serializer(),
                    SERDE.serializer());
            TestOutputTopic<String, String> closed = driver.createOutputTopic("closed", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            stage.pipeInput("canary/v1", partial("canary", window(0), 1, 42.0));
            stage.pipeInput("watermark/1", new PartitionWatermark(1, passed(0)));
            stage.pipeInput("watermark/0", new PartitionWatermark(0, passed(0)));
            assertThat(closed.isEmpty()).as("partition 2 has not passed the window yet").isTrue();

            stage.pipeInput("watermark/2", new PartitionWatermark(2, passed(0)));
            assertThat(closed.readKeyValuesToList()).containsExactly(KeyValue.pair("canary/v1", window(0) + "|1|true"));
        }
    }

    @Test
    void mergesEveryPartitionsPartialAndHoldsTheWindowForAPartitionThatIsBehind() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, MergeInput> stage = driver.createInputTopic(REPARTITION, Serdes.String().serializer(),
                    SERDE.serializer());
            TestOutputTopic<String, String> closed = driver.createOutputTopic("closed", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            stage.pipeInput("fraud/v1", partial("fraud", window(0), 0, 1, 2));
            stage.pipeInput("fraud/v1", partial("fraud", window(0), 1, 3));
            stage.pipeInput("watermark/0", new PartitionWatermark(0, passed(5)));
            stage.pipeInput("watermark/1", new PartitionWatermark(1, passed(5)));
            stage.pipeInput("watermark/2", new PartitionWatermark(2, passed(-1)));
            assertThat(closed.isEmpty()).as("partition 2 is behind: its part of window 0 is still to come").isTrue();

            stage.pipeInput("fraud/v1", partial("fraud", window(0), 2, 4, 5, 6));
            stage.pipeInput("fraud/v1", partial("fraud", window(0), 2, 4, 5, 6));
            stage.pipeInput("watermark/2", new PartitionWatermark(2, passed(0)));
            assertThat(closed.readKeyValuesToList()).as("the replayed partial is merged once")
                    .containsExactly(KeyValue.pair("fraud/v1", window(0) + "|6|true"));
        }
    }

    @Test
    void waitsForAPartitionNeverHeardFromOnlyUntilTheMergeDelayAndCountsItsLatePartial() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, MergeInput> stage = driver.createInputTopic(REPARTITION, Serdes.String().serializer(),
                    SERDE.serializer());
            TestOutputTopic<String, String> closed = driver.createOutputTopic("closed", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            stage.pipeInput("fraud/v1", partial("fraud", window(0), 0, 1));
            stage.pipeInput("watermark/0", new PartitionWatermark(0, passed(3)));
            stage.pipeInput("watermark/1", new PartitionWatermark(1, passed(3)));
            assertThat(closed.isEmpty()).isTrue();

            long pastDelay = passed(0) + MERGE_DELAY.toMillis();
            stage.pipeInput("watermark/0", new PartitionWatermark(0, pastDelay));
            stage.pipeInput("watermark/1", new PartitionWatermark(1, pastDelay));
            assertThat(closed.readValuesToList()).containsExactly(window(0) + "|1|false");

            stage.pipeInput("fraud/v1", partial("fraud", window(0), 2, 7));
            assertThat(closed.isEmpty()).isTrue();
            assertThat(meters.get("driftwatch.windows.late.partials").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void closesWindowsOldestFirstAcrossModels() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, MergeInput> stage = driver.createInputTopic(REPARTITION, Serdes.String().serializer(),
                    SERDE.serializer());
            TestOutputTopic<String, String> closed = driver.createOutputTopic("closed", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            stage.pipeInput("b/v1", partial("b", window(1), 0, 1));
            stage.pipeInput("a/v1", partial("a", window(1), 0, 1));
            stage.pipeInput("b/v1", partial("b", window(0), 0, 1));
            for (int partition = 0; partition < PARTITIONS; partition++) {
                stage.pipeInput("watermark/" + partition, new PartitionWatermark(partition, passed(1)));
            }
            List<KeyValue<String, String>> all = closed.readKeyValuesToList();
            assertThat(all).extracting(kv -> kv.key + "@" + kv.value.substring(0, kv.value.indexOf('|')))
                    .containsExactly("b/v1@" + window(0), "a/v1@" + window(1), "b/v1@" + window(1));
        }
    }
}
