package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code driftwatch reports} against a real broker (the module's shared one): records of each type written as the
 * service writes them, read back through the topic names of the run's --config, filtered, refused on the wrong topic,
 * and followed until stopped the way Ctrl-C stops it.
 */
class ReportsCommandIntegrationTest {
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final String SUFFIX = Long.toString(System.nanoTime());
    private static final String DRIFT = "reports-it-drift-" + SUFFIX;
    private static final String QUALITY = "reports-it-quality-" + SUFFIX;
    private static final String PROFILES = "reports-it-profiles-" + SUFFIX;
    private static final String DEAD = "reports-it-dead-" + SUFFIX;

    @TempDir
    static Path directory;
    private static Path config;

    @BeforeAll
    static void writeRecordsOfEachType() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(DRIFT, QUALITY, PROFILES, DEAD).stream().map(name -> new NewTopic(name, 2, (short) 1))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
        send(Topics.DRIFT_REPORTS, DRIFT, List.of(ReportRecords.drift("credit", 0), ReportRecords.drift("fraud", 0),
                ReportRecords.drift("credit", 1)));
        send(Topics.QUALITY_REPORTS, QUALITY, List.of(ReportRecords.quality(0, false, 0.7, 100),
                ReportRecords.quality(0, true, 0.91, 300)));
        send(Topics.PROFILES, PROFILES, List.of(ReportRecords.numericProfile(0)));
        send(Topics.DEAD_LETTER, DEAD, List.of(ReportRecords.deadLetter("\u001b[31mred".getBytes(StandardCharsets.US_ASCII))));
        config = Files.writeString(directory.resolve("driftwatch.properties"), String.join("\n",
                "bootstrap.servers=" + broker.bootstrapServers(), "driftwatch.topic.drift.reports=" + DRIFT,
                "driftwatch.topic.quality.reports=" + QUALITY, "driftwatch.topic.profiles=" + PROFILES,
                "driftwatch.topic.dead.letter=" + DEAD, ""));
    }

    private static <V> void send(Topic<String, V> topic, String name, List<V> records) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), topic.valueSerde().serializer())) {
            for (V record : records) {
                // One key, one partition: the order written is the order read, as the service keys by model version.
                producer.send(new ProducerRecord<>(name, "credit/v7", record)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<JsonNode> json(String lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines.lines().toList()) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        return nodes;
    }

    @Test
    void driftAsJsonPrintsTheReportsOnTheTopicTheConfigNamesAndModelKeepsOnlyThatModel() throws Exception {
        // --until leaves out the report the --follow test adds (window 5), whichever test runs first.
        Run all = run("reports", "drift", "--config", config.toString(), "--format", "json", "--until", "2026-12-07T12:00:00Z");
        Run credit = run("reports", "drift", "--config", config.toString(), "--format", "json", "--model", "credit");

        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(json(all.out()).stream().map(line -> line.get("model").asText())).containsExactly("credit", "fraud", "credit");
        assertThat(credit.exit()).as(credit.err()).isZero();
        assertThat(json(credit.out()).stream().map(line -> line.get("window_start").asText()))
                .containsExactly("2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z");
        assertThat(json(credit.out()).get(0).get("columns").get(0).get("tests").get(0).get("statistic").asDouble()).isEqualTo(0.412);
    }

    @Test
    void theOtherTypesPrintAsTablesTheLatestQualityPerWindowAndASafePreview() {
        Run quality = run("reports", "quality", "--config", config.toString());
        Run profiles = run("reports", "profiles", "--config", config.toString(), "--since", "2026-12-07T10:00:00Z");
        Run dead = run("reports", "dead-letters", "--config", config.toString());

        assertThat(quality.out().lines().toList()).hasSize(2);
        assertThat(quality.out().lines().toList().get(1)).contains("300/400", "final", "accuracy 0.9100").doesNotContain("not final");
        assertThat(profiles.out()).contains("income", "min 1.0000  max 5.0000");
        assertThat(dead.exit()).as(dead.err()).isZero();
        assertThat(dead.out()).contains("BAD_MAGIC_BYTE", "\\x1b[31mred").doesNotContain("\u001b");
    }

    @Test
    void pointedAtAnotherTopicItSaysInOneLineWhatTheTopicHoldsAndExitsTwo() {
        Run wrong = run("reports", "drift", "--config", config.toString(), "--topic", PROFILES);

        assertThat(wrong.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wrong.err()).isEqualTo("driftwatch: topic " + PROFILES + " holds window profiles, not drift reports:"
                + " read it with driftwatch reports profiles" + System.lineSeparator());
    }

    @Test
    void followPrintsAReportProducedAfterItStartedAndStopsCleanlyThroughTheCtrlCPath() throws Exception {
        List<Thread> hooks = new CopyOnWriteArrayList<>();
        CountDownLatch endedCleanly = new CountDownLatch(1);
        ShutdownHooks capturing = new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                hooks.add(hook);
            }

            @Override
            public void remove(Thread hook) {
                hooks.remove(hook);
            }

            @Override
            public void endedCleanly() {
                endedCleanly.countDown();
            }
        };
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ReportsDriftCommand(capturing)).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> command.execute("--config", config.toString(),
                "--follow", "--format", "json", "--model", "late"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !hooks.isEmpty());
        DriftReport late = ReportRecords.drift("late", 5);

        send(Topics.DRIFT_REPORTS, DRIFT, List.of(late));

        await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("\"model\":\"late\""));
        Thread ctrlC = hooks.get(0);
        ctrlC.start();
        ctrlC.join(Duration.ofSeconds(20).toMillis());
        assertThat(ctrlC.isAlive()).isFalse();
        assertThat(endedCleanly.getCount()).as("the hook saw the read return and would end the JVM with 0").isZero();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(json(out.toString()).stream().map(line -> line.get("window_start").asText()))
                .containsExactly("2026-12-07T15:00:00Z");
        assertThat(hooks).isEmpty();
    }
}
