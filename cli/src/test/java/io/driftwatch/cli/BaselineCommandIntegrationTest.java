package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.baseline.TrainingFiles;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftwatch baseline} end to end, publishing to a real (embedded) broker, the module's shared one. */
class BaselineCommandIntegrationTest {
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input", training.toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--topic", "baselines-created", "--output", avro.toString());

        assertThat(exit).as(err.toString()).isZero();
        Baseline written = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
        List<ConsumerRecord<String, byte[]>> records = readAll("baselines-created");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("fraud/3");
        Baseline published = Topics.BASELINES.valueSerde().deserializer()
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

    private static String topicConfig(Admin admin, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }

    @Test
    void aFiftyThousandRowBaselineKeepsEveryValueAndPublishesPastKafkasOneMegabyteDefault() throws Exception {
        StringBuilder csv = new StringBuilder("request_id,income,age,score,tenure\n");
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            csv.append("req-").append(i).append(',').append(50_000 + random.nextGaussian() * 9_000).append(',')
                    .append(18 + random.nextInt(60)).append(',').append(random.nextDouble()).append(',')
                    .append(random.nextGaussian() * 3).append('\n');
        }
        Path training = Files.writeString(directory.resolve("large.csv"), csv.toString());

        int exit = run("baseline", "--model", "large", "--model-version", "1", "--input", training.toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--topic", "baselines-large", "--no-calibrate");

        assertThat(exit).as(err.toString()).isZero();
        List<ConsumerRecord<String, byte[]>> records = readAll("baselines-large");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value().length).as("more than the broker's default message.max.bytes").isGreaterThan(1_048_588);
        Baseline published = Topics.BASELINES.valueSerde().deserializer()
                .deserialize("baselines-large", records.get(0).value());
        for (String column : List.of("income", "age", "score", "tenure")) {
            byte[] profile = published.getColumns().stream().filter(c -> c.getName().equals(column)).findFirst().orElseThrow()
                    .getProfile().array();
            assertThat(ColumnData.heldExactly(ProfileCodec.fromBytes(profile))).as(column + " held exactly")
                    .hasValueSatisfying(values -> assertThat(values.validCount()).isEqualTo(50_000));
        }
        try (Admin admin = admin()) {
            assertThat(topicConfig(admin, "baselines-large", TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                    .isEqualTo(Integer.toString(Topics.BASELINE_MAX_BYTES));
        }
    }

    @Test
    void takesTheTopicAndClientSettingsFromTheProducerConfig() throws Exception {
        Path training = TrainingFiles.write(directory, "train.csv");
        Path config = directory.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=" + broker.bootstrapServers() + "\n"
                + DriftwatchConfig.BASELINES_TOPIC_CONFIG + "=baselines-from-config\n"
                + DriftwatchConfig.TOPIC_PARTITIONS_CONFIG + "=1\n");

        int exit = run("baseline", "--model", "churn", "--model-version", "7", "--input", training.toString(),
                "--config", config.toString(), "--no-calibrate");

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

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", "baselines-deleting");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("topic baselines-deleting exists with cleanup.policy=delete")
                .contains("set cleanup.policy=compact");
    }

    @Test
    void theDeprecatedSpellingsBuildTheSameBaselineAndWarnOnceEach() throws Exception {
        Path json = directory.resolve("old.json");
        Path config = directory.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=" + broker.bootstrapServers() + "\n"
                + DriftwatchConfig.BASELINES_TOPIC_CONFIG + "=baselines-old-spelling\n"
                + DriftwatchConfig.TOPIC_PARTITIONS_CONFIG + "=1\n");

        int exit = run("baseline", "--model", "fraud", "--version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--output", json.toString(),
                "--producer-config", config.toString(), "--chunk-rows", "250", "--chunks", "8");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString().lines()).containsExactlyInAnyOrder(
                "driftwatch: warning: --version is deprecated and will be removed; use --model-version",
                "driftwatch: warning: --chunks is deprecated and will be removed; use --calibration-chunks",
                "driftwatch: warning: --chunk-rows is deprecated and will be removed; use --calibration-chunk-rows",
                "driftwatch: warning: --producer-config is deprecated and will be removed; use --config");
        JsonNode baseline = new ObjectMapper().readTree(json.toFile());
        assertThat(baseline.at("/version").asText()).isEqualTo("3");
        assertThat(baseline.at("/calibration/chunks").asInt()).isEqualTo(8);
        assertThat(baseline.at("/calibration/chunk_rows").asInt()).isEqualTo(250);
        assertThat(readAll("baselines-old-spelling")).extracting(ConsumerRecord::key).containsExactly("fraud/3");
    }

    private Path labelledFile(String name) throws Exception {
        return ChurnValidationFile.write(directory, name);
    }

    @Test
    void publishesTheQualityOfALabelledFileWithTheBaselineAndProfilesThePredictionAsTheStreamDoes() throws Exception {
        Path validation = labelledFile("validation.csv");
        Path json = directory.resolve("churn-7.json");

        int exit = run("baseline", "--model", "churn", "--model-version", "7", "--input", validation.toString(),
                "--labels", "churned", "--prediction-column", "predicted", "--score-column", "yes=p_yes",
                "--score-column", "no=p_no", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "baselines-labelled",
                "--output", json.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<ConsumerRecord<String, byte[]>> records = readAll("baselines-labelled");
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("churn/7");
        Baseline published = Topics.BASELINES.valueSerde().deserializer()
                .deserialize("baselines-labelled", records.get(0).value());
        // 200 rows, 4 without a label (rows 7, 57, 107, 157); every 10th row is wrong (rows 0, 10, ... 190), none unlabelled.
        assertThat(published.getQuality().getLabelled()).isEqualTo(196);
        assertThat(published.getQuality().getMetrics().get("accuracy")).isEqualTo((196 - 20) / 196.0);
        assertThat(published.getQuality().getMetrics()).containsKeys("macro_f1", "roc_auc", "log_loss");
        assertThat(published.getColumns()).extracting(c -> c.getName()).containsExactly("tenure", "plan", "__prediction__");
        assertThat(out.toString()).contains("Quality (classification) on 196 labelled rows of 200; skipped 4 without a label,"
                + " 0 without a prediction, 0 without either").containsPattern("accuracy +0\\.8980");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.at("/quality/labelled").asLong()).isEqualTo(196);
        assertThat(written.at("/quality/metrics/accuracy").asDouble()).isEqualTo((196 - 20) / 196.0);
    }
}
