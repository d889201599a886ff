package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.ConfluentAvroDecoder;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.schemas.registry.SchemaRegistryClient;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.testing.KafkaTestClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry path against the real thing, where Docker exists: Apache Kafka's image and Confluent's
 * Schema Registry image, driftwatch's own registry client registering and fetching, its decoder reading
 * Confluent-framed records through a Kafka Streams application with exactly-once. Without Docker this test
 * is skipped; the same path is covered on every machine by {@link IngestIntegrationTest} against the
 * embedded broker and a registry served over HTTP in the test.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealRegistryEndToEndIntegrationTest {
    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
            .withNetwork(NETWORK).withNetworkAliases("kafka").withListener("kafka:19092");

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.1")
            .withNetwork(NETWORK)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

    @TempDir
    Path stateDirectory;

    @Test
    void readsConfluentFramedRecordsRegisteredInConfluentsRegistryAndDeadLettersAnUnknownId() throws Exception {
        String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.builder(registryUrl).build());
        int schemaId = client.register("inferences-value", InferenceLog.getClassSchema());
        assertThat(client.schemaById(schemaId)).isEqualTo(InferenceLog.getClassSchema());

        String bootstrap = KAFKA.getBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(
                    new TopicSpec("inferences", 1, Optional.empty(), Map.of()),
                    new TopicSpec("dead", 1, Optional.empty(), Map.of()),
                    new TopicSpec("decoded", 1, Optional.empty(), Map.of())));
        }
        InferenceLog log = InferenceLog.newBuilder().setRequestId("r1").setModelName("fraud").setModelVersion("v3")
                .setEventTime(Instant.parse("2026-11-23T10:00:00Z")).setFeatures(Map.of("age", 41.0)).setPrediction(0.7).build();
        byte[] good = RecordEncoders.confluent(log, schemaId);
        byte[] unknown = Arrays.copyOf(good, good.length);
        unknown[1] = 0x7f;
        KafkaTestClients.produce(bootstrap, "inferences", Arrays.asList(good, unknown), log.getEventTime().toEpochMilli());

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        SingleObjectAvroSerde<InferenceLog> logSerde = new SingleObjectAvroSerde<>(InferenceLog.getClassSchema());
        Serde<DeadLetter> deadSerde = Topics.DEAD_LETTER.valueSerde();
        new IngestTopology("dead", deadSerde, new RegistryWait(Duration.ofSeconds(5), meters), new IngestMetrics(meters), Clock.systemUTC())
                .inferences(builder, "inferences", new ConfluentAvroDecoder<>(client, InferenceMapping.canonical(), DecodeLimits.DEFAULT))
                .to("decoded", Produced.with(Serdes.String(), logSerde));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "real-registry-e2e");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            var decoded = KafkaTestClients.readCommitted(bootstrap, "decoded", records -> !records.isEmpty(), Duration.ofSeconds(60));
            var dead = KafkaTestClients.readCommitted(bootstrap, "dead", records -> !records.isEmpty(), Duration.ofSeconds(30));
            assertThat(decoded).hasSize(1);
            assertThat(logSerde.deserializer().deserialize("decoded", decoded.get(0).value())).isEqualTo(log);
            DeadLetter letter = deadSerde.deserializer().deserialize("dead", dead.get(0).value());
            assertThat(letter.getReasonCode()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA);
            assertThat(letter.getReason()).startsWith("unknown schema id " + (0x7f000000 | (schemaId & 0x00ffffff)));
        }
    }
}
