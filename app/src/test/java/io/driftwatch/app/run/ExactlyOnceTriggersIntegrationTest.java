package io.driftwatch.app.run;

import io.driftwatch.app.DriftwatchCommand;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.SingleObjectAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger topic's promise, through a real broker: a run killed abruptly (SIGKILL of a child JVM) several
 * times mid-stream and restarted writes the same triggers, each exactly once, and the same report values as an
 * uninterrupted run; and two instances sharing the work write what one instance writes. Windows here stay
 * within the exact-value cap, so every statistic is exact and must match to the last bit.
 */
@Tag("reliability")
class ExactlyOnceTriggersIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int WINDOWS = 16;
    private static final int RECORDS_PER_WINDOW = 4_000;
    private static EmbeddedKafkaBroker broker;

    @TempDir
    static Path directory;

    @BeforeAll
    static void prepare() throws IOException {
        broker = EmbeddedKafkaBroker.start();
        Random random = new Random(5);
        run("baseline", "--model", "fraud", "--version", "v3", "--input", training(random).toString(),
                "--bootstrap-servers", broker.bootstrapServers());
        run("produce", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "inferences", "--format", "json",
                "--partitions", "2", "--model", "fraud", "--version", "v3", traffic(random).toString());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + err).isZero();
    }

    private static Path training(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("age,country\n");
        // At most the baseline's exact-value cap (2,048), and windows within the run's cap (5,000): every
        // comparison is exact. Sketch-mode values may differ between runs within their bound, because KLL
        // compaction is randomized.
        for (int i = 0; i < 2000; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%s%n", 40 + random.nextGaussian() * 5, List.of("NO", "SE", "DK").get(random.nextInt(3))));
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    /** Two drift episodes (windows 3-4 and 10-12), each of which must trigger once. */
    private static Path traffic(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,age,country,prediction\n");
        int id = 0;
        for (int window = 0; window < WINDOWS; window++) {
            boolean shifted = (window >= 3 && window <= 4) || (window >= 10 && window <= 12);
            for (int i = 0; i < RECORDS_PER_WINDOW; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 100L);
                double age = 40 + (shifted ? 12 : 0) + random.nextGaussian() * 5;
                csv.append(String.format(Locale.ROOT, "r%d,%s,%.3f,%s,%.4f%n", id++, time, age,
                        List.of("NO", "SE", "DK").get(random.nextInt(3)), age / 100));
            }
        }
        for (int partitionCloser = 0; partitionCloser < 8; partitionCloser++) {
            csv.append(String.format(Locale.ROOT, "closer-%d,%s,40,NO,0.4%n", partitionCloser, T0.plus(WINDOW.multipliedBy(WINDOWS + 3))));
        }
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    private static Map<String, Object> settings(String run) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "eos-" + run);
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "2");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.EXACT_VALUES_CONFIG, "5000");
        settings.put(DriftwatchConfig.TRIGGER_COOLDOWN_MS_CONFIG, "0");
        // Killed and restarted children must not depend on a fixed metrics port being free on a shared machine.
        settings.put(DriftwatchConfig.METRICS_PORT_CONFIG, "0");
        for (String topic : List.of(DriftwatchConfig.PROFILES_TOPIC_CONFIG, DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG,
                DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, DriftwatchConfig.ALERTS_TOPIC_CONFIG, DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG,
                DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG)) {
            settings.put(topic, DriftwatchConfig.CONFIG_DEF.defaultValues().get(topic) + "-" + run);
        }
        return settings;
    }

    @Test
    void killedAndRestartedRunsAndTwoInstancesWriteTheSameTriggersExactlyOnceAsAnUninterruptedRun() throws Exception {
        Outcome reference = inProcess("reference", 1);
        assertThat(reference.triggerWindows()).as("the two drift episodes").hasSize(2);

        Outcome crashed = killedRepeatedly("crashed", 5);
        assertThat(crashed.duplicateTriggers()).isZero();
        assertThat(crashed.triggerWindows()).isEqualTo(reference.triggerWindows());
        assertThat(crashed.reports()).isEqualTo(reference.reports());

        Outcome pair = inProcess("pair", 2);
        assertThat(pair.duplicateTriggers()).isZero();
        assertThat(pair.triggerWindows()).isEqualTo(reference.triggerWindows());
        assertThat(pair.reports()).isEqualTo(reference.reports());
    }

    private Outcome inProcess(String run, int instances) throws Exception {
        List<DriftwatchService> services = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                services.add(DriftwatchService.start(new DriftwatchConfig(settings(run)), new SimpleMeterRegistry(),
                        Map.of("state.dir", directory.resolve("state-" + run + "-" + i).toString())));
            }
            awaitCaughtUp("eos-" + run, Duration.ofMinutes(3));
        } finally {
            services.forEach(DriftwatchService::close);
        }
        return outcome(run);
    }

    private Outcome killedRepeatedly(String run, int kills) throws Exception {
        Path config = directory.resolve(run + ".properties");
        Properties properties = new Properties();
        settings(run).forEach((key, value) -> properties.setProperty(key, value.toString()));
        properties.setProperty("state.dir", directory.resolve("state-" + run).toString());
        try (var writer = Files.newBufferedWriter(config)) {
            properties.store(writer, null);
        }
        Random random = new Random(17);
        for (int kill = 0; kill < kills; kill++) {
            Process child = child(config, run + "-" + kill);
            Thread.sleep(6_000 + random.nextInt(4_000));
            child.destroyForcibly().waitFor();
        }
        Process last = child(config, run + "-last");
        try {
            awaitCaughtUp("eos-" + run, Duration.ofMinutes(3));
        } finally {
            last.destroy();
            last.waitFor();
        }
        return outcome(run);
    }

    private static Process child(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.driftwatch.app.Main",
                "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve(name + ".log").toFile()).start();
    }

    /** Waits until the application's committed offsets reach the end of every input partition, then a little more. */
    private static void awaitCaughtUp(String applicationId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            List<TopicPartition> partitions = List.of(new TopicPartition("inferences", 0), new TopicPartition("inferences", 1));
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                boolean caughtUp = partitions.stream().allMatch(p -> committed.get(p) != null
                        && committed.get(p).offset() >= ends.get(p).offset());
                if (caughtUp) {
                    awaitReports(applicationId.substring("eos-".length()), deadline);
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError(applicationId + " did not catch up with the input within " + timeout);
    }

    /** The merge stage runs after the first stage commits: wait until every window's report is committed. */
    private static void awaitReports(String run, long deadline) throws InterruptedException {
        while (readAll("driftwatch.drift-reports-" + run).size() < WINDOWS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(run + " committed fewer than " + WINDOWS + " reports in time");
            }
            Thread.sleep(1_000);
        }
        Thread.sleep(1_000);
    }

    /**
     * What a run wrote, read with read_committed: the windows of each trigger id, how many trigger records
     * repeated an id, and every report's values by report id.
     */
    private record Outcome(Map<String, List<Instant>> triggerWindows, int duplicateTriggers, Map<String, String> reports) {
    }

    private static Outcome outcome(String run) {
        SingleObjectAvroSerde<RetrainingTrigger> triggerSerde = new SingleObjectAvroSerde<>(RetrainingTrigger.getClassSchema());
        SingleObjectAvroSerde<DriftReport> reportSerde = new SingleObjectAvroSerde<>(DriftReport.getClassSchema());
        Map<String, List<Instant>> triggerWindows = new TreeMap<>();
        int duplicates = 0;
        for (ConsumerRecord<byte[], byte[]> record : readAll("driftwatch.triggers-" + run)) {
            RetrainingTrigger trigger = triggerSerde.deserializer().deserialize("triggers", record.value());
            List<Instant> starts = trigger.getWindows().stream().map(w -> w.getStart()).toList();
            if (triggerWindows.put(trigger.getTriggerId(), starts) != null) {
                duplicates++;
            }
        }
        Map<String, String> reports = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll("driftwatch.drift-reports-" + run)) {
            DriftReport report = reportSerde.deserializer().deserialize("reports", record.value());
            String values = report.getColumns().stream()
                    .map(c -> c.getFeature() + "=" + c.getTests().stream().map(t -> t.getTest() + ":" + t.getStatistic() + ":" + t.getPValue()).toList())
                    .collect(Collectors.joining(";")) + " drift=" + report.getDatasetDrift();
            if (reports.put(report.getReportId(), values) != null) {
                reports.put(report.getReportId() + "#duplicate", values);
            }
        }
        return new Outcome(triggerWindows, duplicates, reports);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
