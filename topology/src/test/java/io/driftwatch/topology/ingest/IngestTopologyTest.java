package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.RegistryUnavailableException;
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
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Serde<DeadLetter> deadLetterSerde = Topics.DEAD_LETTER.valueSerde();
    private final SingleObjectAvroSerde<InferenceLog> logSerde = new SingleObjectAvroSerde<>(InferenceLog.getClassSchema());

    private TopologyTestDriver driver(RecordDecoder<InferenceLog> decoder, Duration registryWait) {
        StreamsBuilder builder = new StreamsBuilder();
        new IngestTopology("dead", deadLetterSerde, new RegistryWait(registryWait, meters), new IngestMetrics(meters), CLOCK)
                .inferences(builder, "inferences", decoder)
                .to("decoded", Produced.with(Serdes.String(), logSerde));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(builder.build(), properties);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String GOOD = "{\"requestId\":\"r1\",\"modelName\":\"fraud\",\"modelVersion\":\"v3\","
            + "\"eventTime\":1795428000000,\"features\":{\"age\":41,\"country\":\"NO\"},\"prediction\":0.7}";

    @Test
    void decodesGoodRecordsKeyedByRequestIdAndSendsTheBadOneToTheDeadLetterTopicWithItsOffsetAndReason() {
        try (TopologyTestDriver driver = driver(new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT), Duration.ofSeconds(1))) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, InferenceLog> decoded = driver.createOutputTopic("decoded", Serdes.String().deserializer(), logSerde.deserializer());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic("dead", Serdes.String().deserializer(), deadLetterSerde.deserializer());
            input.pipeInput(new TestRecord<>(json("key-1"), json(GOOD), T0));
            input.pipeInput(new TestRecord<>(json("key-2"), json("{\"requestId\": \"r2\",, }"), T0));
            input.pipeInput(new TestRecord<>(json("key-3"), json(GOOD.replace("r1", "r3")), T0));

            List<TestRecord<String, InferenceLog>> logs = decoded.readRecordsToList();
            assertThat(logs).extracting(TestRecord::key).containsExactly("r1", "r3");
            assertThat(logs.get(0).value().getFeatures()).containsEntry("age", 41L).containsEntry("country", "NO");
            TestRecord<String, DeadLetter> letter = dead.readRecord();
            assertThat(letter.key()).isEqualTo("inferences/0/1");
            assertThat(letter.value().getOffset()).isEqualTo(1L);
            assertThat(letter.value().getReasonCode()).isEqualTo(DeadLetterReason.INVALID_JSON);
            assertThat(letter.value().getReason()).contains("invalid JSON").contains("column");
            assertThat(new String(letter.value().getOriginalKey().array(), StandardCharsets.UTF_8)).isEqualTo("key-2");
            assertThat(letter.value().getDeadLetteredAt()).isEqualTo(CLOCK.instant());
            assertThat(meters.get("driftwatch.records.read").tag("model", "fraud").counter().count()).isEqualTo(2.0);
            assertThat(meters.get("driftwatch.records.dead.letter").tag("reason", "invalid_json").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void labelsAreCountedPerModelInAMeterOfTheirOwnRatherThanAsAModelVersionCalledLabel() {
        SingleObjectAvroSerde<FeedbackLabel> labelSerde = new SingleObjectAvroSerde<>(FeedbackLabel.getClassSchema());
        StreamsBuilder builder = new StreamsBuilder();
        new IngestTopology("dead", deadLetterSerde, new RegistryWait(Duration.ofSeconds(1), meters), new IngestMetrics(meters), CLOCK)
                .labels(builder, "labels", new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT))
                .to("decoded", Produced.with(Serdes.String(), labelSerde));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("labels", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            for (String requestId : List.of("r1", "r2")) {
                input.pipeInput(new TestRecord<>(null, json("{\"requestId\":\"" + requestId + "\",\"modelName\":\"fraud\","
                        + "\"label\":\"fraud\",\"eventTime\":1795428000000}"), T0));
            }

            assertThat(meters.get("driftwatch.labels.read").tags("model", "fraud").counter().count()).isEqualTo(2.0);
            assertThat(meters.get("driftwatch.labels.read").counter().getId().getTag("version")).isNull();
            assertThat(meters.find("driftwatch.records.read").counters()).as("inference traffic").isEmpty();
        }
    }

    @Test
    void aRecordWaitsForAnUnreachableRegistryInsteadOfBeingDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        JsonDecoder<InferenceLog> json = new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT);
        RecordDecoder<InferenceLog> flaky = (topic, bytes) -> {
            if (calls.incrementAndGet() <= 2) {
                throw new RegistryUnavailableException("connection refused");
            }
            return json.decode(topic, bytes);
        };
        try (TopologyTestDriver driver = driver(flaky, Duration.ofSeconds(5))) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, InferenceLog> decoded = driver.createOutputTopic("decoded", Serdes.String().deserializer(), logSerde.deserializer());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic("dead", Serdes.String().deserializer(), deadLetterSerde.deserializer());
            input.pipeInput(new TestRecord<>(null, json(GOOD), T0));
            assertThat(decoded.readKeyValuesToList()).hasSize(1);
            assertThat(dead.isEmpty()).isTrue();
            assertThat(calls.get()).isEqualTo(3);
            assertThat(meters.get("driftwatch.schema.registry.up").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    @Tag("reliability")
    void aRegistryOutageLongerThanTheWaitStopsTheThreadRatherThanDeadLetteringTheRecord() {
        RecordDecoder<InferenceLog> down = (topic, bytes) -> {
            throw new RegistryUnavailableException("connection refused");
        };
        try (TopologyTestDriver driver = driver(down, Duration.ofMillis(300))) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic("dead", Serdes.String().deserializer(), deadLetterSerde.deserializer());
            assertThatThrownBy(() -> input.pipeInput(new TestRecord<>(null, json(GOOD), T0)))
                    .isInstanceOf(StreamsException.class)
                    .hasRootCauseInstanceOf(RegistryUnavailableException.class)
                    .cause().isInstanceOf(RegistryOutageException.class).hasMessageContaining("retries from its last committed offset");
            assertThat(dead.isEmpty()).isTrue();
            assertThat(meters.get("driftwatch.schema.registry.up").gauge().value()).isZero();
        }
    }

    @Test
    void aNullValueIsADeadLetterNotACrash() {
        try (TopologyTestDriver driver = driver(new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT), Duration.ofSeconds(1))) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic("dead", Serdes.String().deserializer(), deadLetterSerde.deserializer());
            input.pipeInput(new TestRecord<>(json("k"), null, T0));
            DeadLetter letter = dead.readValue();
            assertThat(letter.getOriginalValue()).isNull();
            assertThat(letter.getReason()).isNotBlank();
        }
    }
}
