package io.driftwatch.cli;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.broker.LocalPorts;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.testkit.probe.ScrapedHeap;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Input meant to exhaust memory, against {@code driftwatch run} in a child JVM capped at
 * {@value #HEAP_MAX_MB} MiB of heap: a 2 MiB record, over {@code driftwatch.record.max.bytes} (1.5 MiB here), a 1.1 MB record with
 * 100,000 features (ten times {@code driftwatch.features.max}), and a window in which a categorical feature
 * takes a distinct value in every record ({@value #DISTINCT_SHORT} records here,
 * {@value #DISTINCT_FULL} with {@code -Ddriftwatch.reliability.full=true}). The first two go to the
 * dead-letter topic with a reason that names the limit, their original values cut to 512 KiB (whole, they would
 * not fit a Kafka message, and the stream thread would fail on them on every retry); the window is profiled with a sketch past
 * {@code driftwatch.profile.exact.categories} and reported; the process stays up, and the heap it reports
 * to Prometheus, sampled every second, stays under the cap (the peak is printed).
 */
@Tag("reliability")
class InputLimitsIntegrationTest {
    static final int HEAP_MAX_MB = 256;
    static final int DISTINCT_SHORT = 100_000;
    static final int DISTINCT_FULL = 1_000_000;
    private static final int RECORD_MAX_BYTES = 1536 * 1024;
    private static final int FEATURES_MAX = 10_000;
    private static final int TOPIC_MAX_BYTES = 4 * 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int REFERENCE_RECORDS = 500;

    private static EmbeddedKafkaBroker broker;
    @TempDir
    static Path directory;
    private static Process service;
    private static int distinct;
    private static ScrapedHeap heap;
    private static List<DriftReport> reports = List.of();
    private static List<DeadLetter> deadLetters = List.of();
    private static boolean aliveThroughout = true;

    @BeforeAll
    static void feedTheLimitsToACappedService() throws Exception {
        distinct = Boolean.getBoolean("driftwatch.reliability.full") ? DISTINCT_FULL : DISTINCT_SHORT;
        broker = EmbeddedKafkaBroker.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(new TopicSpec("inferences", 1, Optional.empty(),
                    Map.of("max.message.bytes", Integer.toString(TOPIC_MAX_BYTES)))));
        }
        produce();
        int port = LocalPorts.free();
        service = child(config(port));
        heap = new ScrapedHeap(port);
        // Each poll is also a sample of the service's heap and liveness: once a second, as the README states.
        await("two drift reports and two dead letters").atMost(Duration.ofMinutes(distinct == DISTINCT_FULL ? 10 : 3))
                .pollInterval(Duration.ofSeconds(1)).pollInSameThread().until(() -> {
                    aliveThroughout &= service.isAlive();
                    heap.sample();
                    reports = read("driftwatch.drift-reports", Topics.DRIFT_REPORTS.valueSerde().deserializer()::deserialize);
                    deadLetters = read("driftwatch.dead-letter", Topics.DEAD_LETTER.valueSerde().deserializer()::deserialize);
                    return reports.size() >= 2 && deadLetters.size() >= 2;
                });
        aliveThroughout &= service.isAlive();
        System.out.printf(Locale.ROOT, "input limits: %,d distinct categories in one window, peak heap %.1f MiB of %d MiB, alive %s%n",
                distinct, heap.peakBytes() / 1048576.0, HEAP_MAX_MB, aliveThroughout);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static String inference(String id, Instant time, String features) {
        return "{\"requestId\": \"" + id + "\", \"modelName\": \"wide\", \"modelVersion\": \"v1\", \"eventTime\": \"" + time
                + "\", \"prediction\": 0.5, \"features\": {" + features + "}}";
    }

    /** Window 0: 500 records over 50 user ids; the two oversized records; window 1: every record a new user id; a closer. */
    private static void produce() throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TOPIC_MAX_BYTES, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < REFERENCE_RECORDS; i++) {
                sends.add(producer.send(new ProducerRecord<>("inferences", "a" + i, inference("a" + i, T0.plusSeconds(i),
                        "\"user_id\": \"u" + (i % 50) + "\", \"age\": " + (30 + i % 20)))));
            }
            sends.add(producer.send(new ProducerRecord<>("inferences", "too-large", inference("too-large", T0.plusSeconds(599),
                    "\"note\": \"" + "n".repeat(2 * 1024 * 1024) + "\""))));
            StringBuilder wide = new StringBuilder();
            for (int f = 0; f < 100_000; f++) {
                wide.append(f == 0 ? "" : ",").append("\"f").append(f).append("\": 1");
            }
            sends.add(producer.send(new ProducerRecord<>("inferences", "too-wide", inference("too-wide", T0.plusSeconds(599), wide.toString()))));
            for (int i = 0; i < distinct; i++) {
                Instant time = T0.plus(WINDOW).plusMillis(i * (WINDOW.toMillis() - 1_000) / distinct);
                sends.add(producer.send(new ProducerRecord<>("inferences", "b" + i, inference("b" + i, time,
                        "\"user_id\": \"user-" + i + "\", \"age\": " + (30 + i % 20)))));
            }
            sends.add(producer.send(new ProducerRecord<>("inferences", "closer", inference("closer", T0.plus(WINDOW.multipliedBy(4)),
                    "\"user_id\": \"u1\", \"age\": 40"))));
        }
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
    }

    private static Path config(int port) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", broker.bootstrapServers());
        properties.setProperty("state.dir", directory.resolve("state").toString());
        properties.setProperty(DriftwatchConfig.APPLICATION_ID_CONFIG, "limits");
        properties.setProperty(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        properties.setProperty(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        properties.setProperty(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        properties.setProperty(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        properties.setProperty(DriftwatchConfig.RECORD_MAX_BYTES_CONFIG, Integer.toString(RECORD_MAX_BYTES));
        properties.setProperty(DriftwatchConfig.FEATURES_MAX_CONFIG, Integer.toString(FEATURES_MAX));
        properties.setProperty(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(port));
        properties.setProperty(DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1");
        properties.setProperty("consumer.max.partition.fetch.bytes", Integer.toString(TOPIC_MAX_BYTES));
        Path file = directory.resolve("limits.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static Process child(Path config) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP_MAX_MB + "m",
                "-cp", System.getProperty("java.class.path"), "io.driftwatch.cli.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("run.log").toFile()).start();
    }

    private static <T> List<T> read(String topic, java.util.function.BiFunction<String, byte[], T> decode) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (!consumer.listTopics().containsKey(topic)) {
                return values;
            }
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(decode.apply(topic, record.value()));
                }
            }
        }
        return values;
    }

    @Test
    void theServiceStaysUpWithinItsHeapCap() {
        assertThat(aliveThroughout).as("the run process never exited").isTrue();
        assertThat(heap.samples()).as("heap samples were taken").isPositive();
        assertThat(heap.peakBytes()).as("peak heap used").isLessThan(HEAP_MAX_MB * 1024L * 1024L);
    }

    @Test
    void theOversizedAndTheTooWideRecordAreDeadLetteredWithTheLimitNamed() {
        Function<String, DeadLetter> byKey = key -> deadLetters.stream()
                .filter(letter -> key.equals(new String(letter.getOriginalKey().array(), java.nio.charset.StandardCharsets.UTF_8)))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + key + " in " + deadLetters.size()));
        assertThat(deadLetters).hasSize(2);
        DeadLetter tooLarge = byKey.apply("too-large");
        assertThat(tooLarge.getReasonCode()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(tooLarge.getReason()).contains(Integer.toString(RECORD_MAX_BYTES));
        DeadLetter tooWide = byKey.apply("too-wide");
        assertThat(tooWide.getReasonCode()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(tooWide.getReason()).contains(Integer.toString(FEATURES_MAX));
        // Whole, this dead letter would exceed the producer's 1 MiB request limit and stop the stream thread on every retry.
        assertThat(tooWide.getReason()).contains("kept only up to its first 524288");
        assertThat(tooWide.getOriginalValue().remaining()).isEqualTo(512 * 1024);
    }

    @Test
    void aWindowWithADistinctCategoryPerRecordIsProfiledWithASketchAndReported() {
        DriftReport window = reports.stream().filter(report -> report.getWindowStart().equals(T0.plus(WINDOW))).findFirst()
                .orElseThrow(() -> new AssertionError("no report for the high-cardinality window among " + reports.size()));
        assertThat(window.getRecords()).isEqualTo(distinct);
        ColumnDrift userId = window.getColumns().stream().filter(column -> column.getFeature().equals("user_id")).findFirst().orElseThrow();
        assertThat(userId.getCurrentCount()).isEqualTo(distinct);
        assertThat(userId.getTests()).isNotEmpty().allSatisfy(test -> assertThat(test.getMethod()).isEqualTo(TestMethod.SKETCH));
        assertThat(window.getSchemaFindings()).as("every user id is unseen in the reference window")
                .anySatisfy(finding -> assertThat(finding.getFeature()).isEqualTo("user_id"));
    }
}
