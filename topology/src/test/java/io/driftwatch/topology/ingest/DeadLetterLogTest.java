package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.MutableClock;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.driftwatch.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Dead letters as the service's log shows them, through the ingest topology in the TopologyTestDriver. */
class DeadLetterLogTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final String GOOD = "{\"requestId\":\"r1\",\"modelName\":\"fraud\",\"modelVersion\":\"v3\","
            + "\"eventTime\":1795428000000,\"features\":{\"age\":41},\"prediction\":0.7}";
    private static final String BROKEN_JSON = "{\"requestId\": \"r2\",, }";
    private static final String NO_MODEL = "{\"requestId\":\"r3\",\"modelVersion\":\"v3\",\"eventTime\":1795428000000,"
            + "\"features\":{\"age\":41},\"prediction\":0.7}";

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> lines = new ArrayList<>();

    private TopologyTestDriver driver() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        new IngestTopology("driftwatch.dead-letter", Topics.DEAD_LETTER.valueSerde(),
                new RegistryWait(Duration.ofSeconds(1), meters), new IngestMetrics(meters),
                new DeadLetterLog("driftwatch.dead-letter", clock, INTERVAL, lines::add), clock)
                .inferences(builder, "inferences", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT))
                .to("decoded", Produced.with(Serdes.String(), new SingleObjectAvroSerde<InferenceLog>(InferenceLog.getClassSchema())));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-log-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(builder.build(), properties, T0);
    }

    private static void send(TestInputTopic<byte[], byte[]> input, String value, int times) {
        for (int i = 0; i < times; i++) {
            input.pipeInput(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void advance(TopologyTestDriver driver, Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    @Test
    void logsTheFirstDeadLetterAtOnceThenOneSummaryPerIntervalWithCountsPerReasonNeverALinePerRecord() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            send(input, GOOD, 1);
            assertThat(lines).as("a good record").isEmpty();

            send(input, BROKEN_JSON, 1);
            assertThat(lines).singleElement().asString()
                    .startsWith("1 input record dead-lettered to driftwatch.dead-letter (invalid_json: 1); first: topic inferences,"
                            + " partition 0, offset 1, invalid_json: invalid JSON")
                    .endsWith("Counted in driftwatch.records.dead.letter; logged at most every 10 s");

            send(input, NO_MODEL, 200);
            send(input, GOOD, 5);
            send(input, BROKEN_JSON, 300);
            advance(driver, INTERVAL.minusSeconds(1));
            assertThat(lines).as("within the interval of the first line").hasSize(1);

            advance(driver, Duration.ofSeconds(1));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("500 input records dead-lettered to driftwatch.dead-letter in the last 10 s"
                            + " (invalid_json: 300, missing_field: 200); first: topic inferences, partition 0, offset 2, missing_field: ")
                    .contains("modelName");

            advance(driver, INTERVAL.multipliedBy(3));
            assertThat(lines).as("no dead letters since the last line").hasSize(2);
            send(input, BROKEN_JSON, 1);
            assertThat(lines).as("the interval has long passed: at once").hasSize(3);
            assertThat(lines.get(2)).startsWith("1 input record dead-lettered to driftwatch.dead-letter in the last 30 s (invalid_json: 1);"
                    + " first: topic inferences, partition 0, offset 507,");
        }
    }
}
