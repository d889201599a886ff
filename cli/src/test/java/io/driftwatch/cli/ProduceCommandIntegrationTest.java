package io.driftwatch.cli;

import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.tabular.SameDataFiles;
import io.driftwatch.schemas.format.ConfluentAvroDecoder;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.LocalSchemaStore;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.format.SingleObjectAvroDecoder;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.FakeRegistryDialect;
import io.driftwatch.schemas.registry.FakeSchemaRegistry;
import io.driftwatch.schemas.registry.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code driftwatch produce} against a real (embedded) broker, the module's shared one, reading back what it wrote. */
class ProduceCommandIntegrationTest {
    private static final String INFERENCES = """
            request_id,model,version,event_time,prediction,age,country,member
            r1,fraud,v3,2024-05-01T12:00:00Z,0.91,42,DE,true
            r2,fraud,v3,1714564801000,approve,,"FR, Paris",false
            """;

    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static FakeSchemaRegistry registry;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startRegistry() {
        registry = FakeSchemaRegistry.start(FakeRegistryDialect.CONFLUENT);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private int produce(String... args) {
        List<String> all = new ArrayList<>(List.of("produce", "--bootstrap-servers", broker.bootstrapServers()));
        all.addAll(List.of(args));
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    @Test
    void writesJsonThatTheJsonDecoderReadsBackWithFeaturesPredictionAndTime() throws IOException {
        int exit = produce("--topic", "json-inferences", "--encoding", "json", file("today.csv", INFERENCES).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("produced 2 records to topic 'json-inferences': ");
        Map<String, InferenceLog> logs = decode("json-inferences", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertTheTwoInferences(logs);
    }

    @Test
    void writesTheSameRecordsFromParquetAndFromGzippedCsv() throws Exception {
        Path parquet = SameDataFiles.parquetFromCsv(file("today.csv", INFERENCES), "request_id, model, version, event_time, "
                + "prediction, CAST(age AS INTEGER) AS age, country, CAST(member AS BOOLEAN) AS member",
                directory.resolve("today.parquet"));
        Path gzipped = directory.resolve("today.csv.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            gzip.write(INFERENCES.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(produce("--topic", "parquet-inferences", "--encoding", "json", parquet.toString())).as(err.toString()).isZero();
        assertThat(produce("--topic", "gzip-inferences", "--encoding", "json", gzipped.toString())).as(err.toString()).isZero();

        assertTheTwoInferences(decode("parquet-inferences", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT)));
        assertTheTwoInferences(decode("gzip-inferences", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT)));
    }

    @Test
    void writesSingleObjectAvroFromJsonLinesWithNestedFeatures() throws IOException {
        Path jsonl = file("today.jsonl", """
                {"request_id": "a-7", "model": "churn", "version": "2", "event_time": "2024-05-01 12:00:00", "prediction": 1, "f": {"tenure": 3.5, "plan": "gold"}}
                {"request_id": "a-8", "model": "churn", "version": "2", "event_time": 1714564800001, "prediction": "stay", "f": {"tenure": null}}
                """);

        int exit = produce("--topic", "single-inferences", "--encoding", "avro-single", jsonl.toString());

        assertThat(exit).as(err.toString()).isZero();
        Map<String, InferenceLog> logs = decode("single-inferences",
                new SingleObjectAvroDecoder<>(LocalSchemaStore.ownSchemas(), InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(logs.keySet()).containsExactly("a-7", "a-8");
        InferenceLog first = logs.get("a-7");
        assertThat(first.getModelName()).isEqualTo("churn");
        assertThat(first.getModelVersion()).isEqualTo("2");
        assertThat(first.getEventTime()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(first.getPrediction()).isEqualTo(1.0);
        assertThat(first.getFeatures()).containsExactlyInAnyOrderEntriesOf(Map.of("f.tenure", 3.5, "f.plan", "gold"));
        assertThat(logs.get("a-8").getPrediction()).isEqualTo("stay");
        assertThat(logs.get("a-8").getFeatures()).containsKey("f.tenure").containsEntry("f.tenure", null);
    }

    @Test
    void writesConfluentFramedAvroWithTheSchemaRegisteredUnderTheTopicSubject() throws IOException {
        int exit = produce("--topic", "registry-inferences", "--encoding", "avro-registry", "--registry", registry.url(),
                file("today.csv", INFERENCES).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(registry.requestCount("POST", "/subjects/registry-inferences-value/versions")).isEqualTo(1);
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());
        assertTheTwoInferences(decode("registry-inferences",
                new ConfluentAvroDecoder<>(client, InferenceMapping.canonical(), DecodeLimits.DEFAULT)));
    }

    @Test
    void registersUnderTheRecordNameWithTheRecordStrategy() throws IOException {
        int exit = produce("--topic", "record-subject", "--encoding", "avro-registry", "--registry", registry.url(),
                "--subject-strategy", "record", file("today.csv", INFERENCES).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(registry.requestCount("POST", "/subjects/io.driftwatch.schemas.record.InferenceLog/versions")).isEqualTo(1);
    }

    @Test
    void writesLabelsWithTheModelFromTheOption() throws IOException {
        Path labels = file("labels.csv", """
                request_id,outcome,event_time,note
                r1,1,2024-05-02T08:00:00+02:00,checked
                r2,fraud,1714636800000,
                """);

        int exit = produce("--topic", "produced-labels", "--encoding", "json", "--kind", "labels", "--model", "fraud",
                "--label-column", "outcome", labels.toString());

        assertThat(exit).as(err.toString()).isZero();
        Map<String, FeedbackLabel> decoded = decode("produced-labels", new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(decoded.keySet()).containsExactly("r1", "r2");
        assertThat(decoded.get("r1").getModelName()).isEqualTo("fraud");
        assertThat(decoded.get("r1").getLabel()).isEqualTo(1.0);
        assertThat(decoded.get("r1").getEventTime()).isEqualTo(Instant.parse("2024-05-02T06:00:00Z"));
        assertThat(decoded.get("r2").getLabel()).isEqualTo("fraud");
    }

    @Test
    void oneScoreColumnIsSentAsTheProbabilityOfClassOneWhenThePredictionsAreZeroAndOne() throws IOException {
        Path csv = file("binary.csv", "request_id,prediction,p_churn,tenure\nb1,1,0.83,4\nb2,0,0.12,30\nb3,0,,12\n");

        int exit = produce("--topic", "binary-scores", "--encoding", "json", "--model", "churn", "--model-version", "2",
                "--score-column", "p_churn", csv.toString());

        assertThat(exit).as(err.toString()).isZero();
        Map<String, InferenceLog> logs = decode("binary-scores", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(logs.get("b1").getClassScores()).containsExactly(Map.entry("1", 0.83));
        assertThat(logs.get("b2").getClassScores()).containsExactly(Map.entry("1", 0.12));
        assertThat(logs.get("b3").getClassScores()).as("a row without its score is sent without scores").isNull();
        assertThat(logs.get("b1").getFeatures()).as("the score is not a feature").containsOnlyKeys("tenure");
    }

    @Test
    void scoreColumnsPerClassAndALoneColumnOfANamedPositiveClassFillClassScoresInAvro() throws IOException {
        Path csv = file("named.csv", "request_id,prediction,p_yes,p_no\nn1,yes,0.7,0.3\nn2,no,0.4,0.6\n");

        int perClass = produce("--topic", "named-scores", "--encoding", "avro-single", "--model", "churn", "--model-version", "2",
                "--score-column", "yes=p_yes", "--score-column", "no=p_no", csv.toString());
        int lone = produce("--topic", "lone-named-score", "--encoding", "avro-single", "--model", "churn", "--model-version", "2",
                "--score-column", "p_yes", "--positive-class", "yes", csv.toString());

        assertThat(perClass).as(err.toString()).isZero();
        assertThat(lone).as(err.toString()).isZero();
        Map<String, InferenceLog> both = decode("named-scores",
                new SingleObjectAvroDecoder<>(LocalSchemaStore.ownSchemas(), InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(both.get("n2").getClassScores()).containsOnly(Map.entry("yes", 0.4), Map.entry("no", 0.6));
        assertThat(both.get("n2").getFeatures()).isEmpty();
        Map<String, InferenceLog> one = decode("lone-named-score",
                new SingleObjectAvroDecoder<>(LocalSchemaStore.ownSchemas(), InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(one.get("n1").getClassScores()).containsExactly(Map.entry("yes", 0.7));
        assertThat(one.get("n1").getFeatures()).containsOnlyKeys("p_no");
    }

    @Test
    void generatesIdsFromTheFileNameAndTimesOneMillisecondApartWhenTheFileHasNone() throws IOException {
        Instant before = Instant.now();
        int exit = produce("--topic", "generated", "--encoding", "json", "--model", "m", "--model-version", "1",
                file("batch.csv", "prediction,x\n0.5,1\n0.6,2\n0.7,3\n").toString());
        Instant after = Instant.now();

        assertThat(exit).as(err.toString()).isZero();
        Map<String, InferenceLog> logs = decode("generated", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(logs.keySet()).containsExactly("batch-1", "batch-2", "batch-3");
        Instant first = logs.get("batch-1").getEventTime();
        assertThat(first).isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), after);
        assertThat(logs.get("batch-3").getEventTime()).isEqualTo(first.plusMillis(2));
        assertThat(logs.get("batch-2").getFeatures()).containsExactly(Map.entry("x", 2.0));
    }

    @Test
    void createsAMissingTopicWithTheRequestedPartitions() throws Exception {
        int exit = produce("--topic", "three-partitions", "--encoding", "json", "--partitions", "3",
                file("today.csv", INFERENCES).toString());

        assertThat(exit).as(err.toString()).isZero();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("three-partitions")).allTopicNames().get()
                    .get("three-partitions").partitions()).hasSize(3);
        }
    }

    @Test
    void keepsToTheRate() throws IOException {
        int exit = produce("--topic", "paced", "--encoding", "json", "--model", "m", "--model-version", "1", "--rate", "20",
                file("five.csv", "prediction\n1\n2\n3\n4\n5\n").toString());

        assertThat(exit).as(err.toString()).isZero();
        Matcher seconds = Pattern.compile("in ([0-9.]+) s").matcher(out.toString());
        assertThat(seconds.find()).isTrue();
        // The fifth record is due 4/20 s after the first; the summary rounds to 10 ms.
        assertThat(Double.parseDouble(seconds.group(1))).isGreaterThanOrEqualTo(0.19);
    }

    @Test
    void exitsThreeWithTheCountAndTheFirstErrorWhenRecordsAreRefused() throws IOException {
        Path config = file("small.properties", "max.request.size=64\n");

        int exit = produce("--topic", "refused", "--encoding", "json", "--config", config.toString(),
                file("today.csv", INFERENCES).toString());

        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("2 of 2 records were not acknowledged by topic 'refused'")
                .contains("RecordTooLargeException");
        assertThat(out.toString()).startsWith("produced 0 records");
    }

    @Test
    void theDeprecatedSpellingsWriteTheSameRecordsAndWarnOnceEach() throws IOException {
        Path labels = file("old-labels.csv", "request_id,outcome,event_time\nr1,1,2024-05-02T08:00:00Z\n");
        Path config = file("client.properties", "client.id=old-spelling\n");

        int exit = produce("--topic", "old-labels", "--format", "json", "--labels", "--model", "fraud", "--version", "v3",
                "--producer-config", config.toString(), "--label-column", "outcome", labels.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString().lines()).containsExactlyInAnyOrder(
                "driftwatch: warning: --format is deprecated and will be removed; use --encoding",
                "driftwatch: warning: --labels is deprecated and will be removed; use --kind",
                "driftwatch: warning: --version is deprecated and will be removed; use --model-version",
                "driftwatch: warning: --producer-config is deprecated and will be removed; use --config");
        Map<String, FeedbackLabel> decoded = decode("old-labels", new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(decoded.get("r1").getModelName()).isEqualTo("fraud");
        assertThat(decoded.get("r1").getLabel()).isEqualTo(1.0);
    }

    @Test
    void theDeprecatedVersionSetsTheModelVersionOfInferences() throws IOException {
        int exit = produce("--topic", "old-version", "--encoding", "json", "--model", "fraud", "--version", "v9",
                file("today.csv", INFERENCES).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).hasLineCount(1).contains("--version is deprecated").contains("use --model-version");
        Map<String, InferenceLog> logs = decode("old-version", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT));
        assertThat(logs.values()).extracting(InferenceLog::getModelVersion).containsOnly("v9");
    }

    @Test
    void takesTheTopicAndTheBrokersFromTheConfigFileAsRunDoes() throws IOException {
        Path config = file("driftwatch.properties", "bootstrap.servers=" + broker.bootstrapServers() + "\n"
                + "driftwatch.topic.inferences=from-config\n");

        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("produce", "--config", config.toString(), "--encoding", "json", file("today.csv", INFERENCES).toString());

        assertThat(exit).as(err.toString()).isZero();
        assertTheTwoInferences(decode("from-config", new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT)));
    }

    private static void assertTheTwoInferences(Map<String, InferenceLog> logs) {
        assertThat(logs.keySet()).containsExactly("r1", "r2");
        InferenceLog first = logs.get("r1");
        assertThat(first.getModelName()).isEqualTo("fraud");
        assertThat(first.getModelVersion()).isEqualTo("v3");
        assertThat(first.getEventTime()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat((double) first.getPrediction()).isCloseTo(0.91, within(0.0));
        assertThat(first.getFeatures()).containsExactlyInAnyOrderEntriesOf(Map.of("age", 42.0, "country", "DE", "member", true));
        InferenceLog second = logs.get("r2");
        assertThat(second.getEventTime()).isEqualTo(Instant.ofEpochMilli(1714564801000L));
        assertThat(second.getPrediction()).isEqualTo("approve");
        Map<String, Object> expected = new HashMap<>();
        expected.put("age", null);
        expected.put("country", "FR, Paris");
        expected.put("member", false);
        assertThat(second.getFeatures()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** Every record of the topic, decoded, by key in offset order; a record whose key is not its request id fails. */
    private static <T> Map<String, T> decode(String topic, RecordDecoder<T> decoder) {
        Map<String, T> decoded = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : consume(topic)) {
            DecodeResult<T> result = decoder.decode(topic, record.value());
            assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
            T value = ((DecodeResult.Decoded<T>) result).value();
            String requestId = value instanceof InferenceLog log ? log.getRequestId() : ((FeedbackLabel) value).getRequestId();
            assertThat(record.key()).isEqualTo(requestId);
            decoded.put(record.key(), value);
        }
        return decoded;
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
