package io.driftwatch.topology.ingest;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.format.MapSchemaLookup;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.FakeRegistryDialect;
import io.driftwatch.schemas.registry.FakeSchemaRegistry;
import io.driftwatch.schemas.registry.SchemaRegistryClient;
import io.driftwatch.testkit.corpus.MalformedCorpus;
import io.driftwatch.testkit.corpus.MalformedCorpus.Case;
import io.driftwatch.testkit.corpus.MalformedCorpus.Format;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.testing.KafkaTestClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format end to end through a real broker and a real Kafka Streams application with exactly-once:
 * the malformed corpus (well over 1,000 bad records of every kind, with good ones in between) is produced as
 * raw bytes; every bad record must reach the dead-letter topic with its offset and a reason, and every good
 * record must come out decoded, read with read_committed.
 */
@Tag("reliability")
class IngestIntegrationTest {
    private static EmbeddedKafkaBroker broker;
    private static FakeSchemaRegistry registry;
    private static final List<Case> CORPUS = MalformedCorpus.generate(20261123L);

    @TempDir
    Path stateDirectory;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        registry = FakeSchemaRegistry.start(FakeRegistryDialect.CONFLUENT);
        MalformedCorpus.schemasById().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            registry.disableCompatibilityCheck("corpus-" + entry.getKey());
            int id = registry.register("corpus-" + entry.getKey(), entry.getValue().toString());
            assertThat(id).as("the fake registry hands out the corpus's ids in order").isEqualTo(entry.getKey());
        });
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyMalformedRecordReachesTheDeadLetterTopicWithItsReasonAndEveryGoodOneIsRead(Format format) throws Exception {
        String name = format.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String input = "in-" + name;
        String deadLetters = "dead-" + name;
        String decoded = "decoded-" + name;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(spec(input), spec(deadLetters), spec(decoded)));
        }
        List<Case> cases = CORPUS.stream().filter(c -> c.format() == format).toList();
        List<byte[]> values = new ArrayList<>();
        cases.forEach(c -> values.add(c.value()));
        List<Long> offsets = KafkaTestClients.produce(broker.bootstrapServers(), input, values,
                MalformedCorpus.RECORD_TIME.toEpochMilli());
        long malformed = cases.stream().filter(c -> !c.isGood()).count();
        long good = cases.size() - malformed;

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (KafkaStreams streams = new KafkaStreams(topology(input, deadLetters, decoded, decoder(format), meters),
                properties("ingest-" + name))) {
            streams.start();
            Serde<DeadLetter> deadLetterSerde = Topics.DEAD_LETTER.valueSerde();
            SingleObjectAvroSerde<InferenceLog> logSerde = new SingleObjectAvroSerde<>(InferenceLog.getClassSchema());
            List<ConsumerRecord<byte[], byte[]>> deadRecords = KafkaTestClients.readCommitted(broker.bootstrapServers(),
                    deadLetters, atLeast(malformed), Duration.ofSeconds(90));
            List<ConsumerRecord<byte[], byte[]>> decodedRecords = KafkaTestClients.readCommitted(broker.bootstrapServers(),
                    decoded, atLeast(good), Duration.ofSeconds(30));

            assertThat(malformed).as("malformed records of this format in the corpus").isGreaterThan(500);
            Map<Long, DeadLetter> deadByOffset = new HashMap<>();
            deadRecords.forEach(r -> {
                DeadLetter letter = deadLetterSerde.deserializer().deserialize(deadLetters, r.value());
                deadByOffset.put(letter.getOffset(), letter);
            });
            assertThat(deadByOffset).hasSize((int) malformed);
            List<InferenceLog> expectedGood = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                if (c.isGood()) {
                    expectedGood.add(c.expected());
                    continue;
                }
                DeadLetter letter = deadByOffset.get(offsets.get(i));
                assertThat(letter).as(c.toString()).isNotNull();
                assertThat(letter.getReason()).as(c.toString()).isNotBlank();
                assertThat(letter.getTopic()).isEqualTo(input);
                Optional.ofNullable(c.expectedCode()).ifPresent(code -> assertThat(letter.getReasonCode()).as(c.toString()).isEqualTo(code));
                byte[] kept = letter.getOriginalValue() == null ? null : bytes(letter.getOriginalValue());
                assertThat(kept).as("original bytes kept for " + c).isEqualTo(c.value());
            }
            List<InferenceLog> decodedLogs = decodedRecords.stream()
                    .map(r -> logSerde.deserializer().deserialize(decoded, r.value())).toList();
            assertThat(decodedLogs).containsExactlyInAnyOrderElementsOf(expectedGood);
            assertThat(meters.get("driftwatch.records.dead.letter").counters().stream().mapToDouble(c -> c.count()).sum())
                    .isEqualTo((double) malformed);
        }
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static Predicate<List<ConsumerRecord<byte[], byte[]>>> atLeast(long count) {
        return records -> records.size() >= count;
    }

    private static RecordDecoder<InferenceLog> decoder(Format format) {
        return format == Format.CONFLUENT_AVRO
                ? MalformedCorpus.decoder(format, new SchemaRegistryClient(registry.clientSettings().build()))
                : MalformedCorpus.decoder(format, new MapSchemaLookup(MalformedCorpus.schemasById()));
    }

    private static org.apache.kafka.streams.Topology topology(String input, String deadLetters, String decoded,
                                                              RecordDecoder<InferenceLog> decoder, SimpleMeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        IngestTopology ingest = new IngestTopology(deadLetters, Topics.DEAD_LETTER.valueSerde(),
                new RegistryWait(Duration.ofSeconds(5), meters), new IngestMetrics(meters), Clock.systemUTC());
        ingest.inferences(builder, input, decoder)
                .to(decoded, Produced.with(Serdes.String(), new SingleObjectAvroSerde<>(InferenceLog.getClassSchema())));
        return builder.build();
    }

    private Properties properties(String applicationId) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return properties;
    }

    private static TopicSpec spec(String name) {
        return new TopicSpec(name, 1, Optional.empty(), Map.of());
    }
}
