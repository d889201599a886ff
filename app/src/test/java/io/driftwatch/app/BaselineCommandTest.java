package io.driftwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.app.baseline.TrainingFiles;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.SingleObjectAvroSerde;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftwatch baseline} end to end, publishing to a real (embedded) broker started once for the class. */
class BaselineCommandTest {
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private int run(String... args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    @Test
    void publishesTheBaselineKeyedByModelAndVersionToACompactedTopicItCreates() throws Exception {
        Path training = TrainingFiles.write(directory, "train.csv");
        Path avro = directory.resolve("fraud-3.avro");

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input", training.toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--topic", "baselines-created", "--output", avro.toString());

        assertThat(exit).as(err.toString()).isZero();
        Baseline written = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
        List<ConsumerRecord<String, byte[]>> records = readAll("baselines-created");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("fraud/3");
        Baseline published = new SingleObjectAvroSerde<Baseline>(Baseline.getClassSchema()).deserializer()
                .deserialize("baselines-created", records.get(0).value());
        assertThat(published).isEqualTo(written);
        assertThat(published.getColumns()).extracting(c -> c.getName()).containsExactly("income", "region", "flag");
        try (Admin admin = admin()) {
            assertThat(cleanupPolicy(admin, "baselines-created")).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        assertThat(out.toString()).contains("Baseline " + published.getBaselineId())
                .contains("Published to baselines-created (partition ")
                .containsPattern("income +numeric +2970 +1\\.0% +wasserstein +statistic >= \\S+ calibrated");
    }

    @Test
    void takesTheTopicAndClientSettingsFromTheProducerConfig() throws Exception {
        Path training = TrainingFiles.write(directory, "train.csv");
        Path config = directory.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=" + broker.bootstrapServers() + "\n"
                + DriftwatchConfig.BASELINES_TOPIC_CONFIG + "=baselines-from-config\n"
                + DriftwatchConfig.TOPIC_PARTITIONS_CONFIG + "=1\n");

        int exit = run("baseline", "--model", "churn", "--version", "7", "--input", training.toString(),
                "--producer-config", config.toString(), "--no-calibrate");

        assertThat(exit).as(err.toString()).isZero();
        List<ConsumerRecord<String, byte[]>> records = readAll("baselines-from-config");
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("churn/7");
        Baseline published = Baseline.fromByteBuffer(ByteBuffer.wrap(records.get(0).value()));
        assertThat(published.getCalibration()).isNull();
        assertThat(published.getColumns()).allSatisfy(column -> assertThat(column.getThresholds()).isEmpty());
    }

    @Test
    void refusesAnExistingTopicThatIsNotCompacted() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("baselines-deleting", Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))).all().get();
        }

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", "baselines-deleting");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("topic baselines-deleting exists with cleanup.policy=delete")
                .contains("set cleanup.policy=compact");
    }

    @Test
    void withoutKafkaWritesReadableJsonAndSaysItDidNotPublish() throws Exception {
        Path json = directory.resolve("fraud-3.json");

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--output", json.toString(),
                "--chunk-rows", "250", "--chunks", "8");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote " + json).contains("Not published: no --bootstrap-servers given");
        JsonNode baseline = new ObjectMapper().readTree(json.toFile());
        assertThat(baseline.at("/model").asText()).isEqualTo("fraud");
        assertThat(baseline.at("/calibration/chunks").asInt()).isEqualTo(8);
        assertThat(baseline.at("/calibration/chunk_rows").asInt()).isEqualTo(250);
        assertThat(baseline.at("/columns/income/min").asDouble()).isEqualTo(TrainingFiles.INCOME_MIN);
        assertThat(baseline.at("/columns/region/domain/3").asText()).isEqualTo("west");
        assertThat(baseline.at("/columns/income/thresholds/wasserstein").asDouble()).isPositive();
    }

    @Test
    void aMissingTrainingFileIsBadInputNamingTheFile() {
        Path missing = directory.resolve("nope.csv");

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input", missing.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(missing + " does not exist");
    }

    @Test
    void aValueThatIsNotANumberInADeclaredNumericColumnIsBadInputNamingLineAndColumn() throws Exception {
        Path training = directory.resolve("train.csv");
        Files.writeString(training, "income,region\n10,north\nabc,south\n");

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input", training.toString(),
                "--column-type", "income=numeric");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(training + " line 3, column 'income': 'abc' is not a number");
    }

    @Test
    void tooFewChunksIsBadInput() throws Exception {
        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--chunks", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--chunks 2: calibration needs at least 3 chunks, got 2");
    }

    @Test
    void anUnreadableProducerConfigIsBadInput() throws Exception {
        Path config = directory.resolve("missing.properties");

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--producer-config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read --producer-config " + config);
    }

    @Test
    void helpNamesTheDefaultBaselinesTopic() {
        int exit = run("baseline", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("else " + DriftwatchConfig.CONFIG_DEF.defaultValues()
                .get(DriftwatchConfig.BASELINES_TOPIC_CONFIG) + ")").contains("Examples:");
    }
}
