package io.driftwatch.cli.reports;

import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.analyze.TopicScans;
import io.driftwatch.cli.baseline.BaselineRecords;
import io.driftwatch.schemas.record.Baseline;
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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code driftwatch reports drift --format html} against a real broker: the page of the window an on-call person
 * asks for, with the verdicts the service stored and a chart drawn from the window's profile against the published
 * baseline it was judged by; and what the page says when it cannot draw a chart, or cannot choose one window.
 */
class DriftReportPageIntegrationTest {
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final String SUFFIX = Long.toString(System.nanoTime());
    private static final String DRIFT = "page-it-drift-" + SUFFIX;
    private static final String PROFILES = "page-it-profiles-" + SUFFIX;
    private static final String BASELINES = "page-it-baselines-" + SUFFIX;

    @TempDir
    static Path directory;
    private static Path config;
    private static String baselineId;

    @BeforeAll
    static void publishABaselineProfilesAndReports() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(DRIFT, 1, (short) 1), new NewTopic(PROFILES, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Path training = Files.writeString(directory.resolve("train.csv"), "income\n"
                + String.join("\n", IntStream.range(0, 400).mapToObj(i -> Integer.toString(1 + i % 5)).toList()) + "\n",
                StandardCharsets.UTF_8);
        CommandRun.succeed("baseline", "--model", "credit", "--model-version", "v7", "--input", training.toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--topic", BASELINES, "--no-calibrate");
        Baseline published = TopicScans.latestBaseline(Map.of("bootstrap.servers", broker.bootstrapServers()), BASELINES,
                BaselineRecords.topicKey("credit", "v7")).orElseThrow();
        baselineId = published.getBaselineId();
        DriftReport judgedByIt = ReportRecords.drift("credit", 2);
        judgedByIt.setBaselineId(baselineId);
        send(Topics.DRIFT_REPORTS, DRIFT, List.of(ReportRecords.drift("credit", 0), ReportRecords.drift("fraud", 0),
                ReportRecords.drift("credit", 1), judgedByIt));
        send(Topics.PROFILES, PROFILES, List.of(ReportRecords.numericProfile(1), ReportRecords.numericProfile(2)));
        config = Files.writeString(directory.resolve("driftwatch.properties"), String.join("\n",
                "bootstrap.servers=" + broker.bootstrapServers(), "driftwatch.topic.drift.reports=" + DRIFT,
                "driftwatch.topic.profiles=" + PROFILES, "driftwatch.topic.baselines=" + BASELINES, ""));
    }

    private static <V> void send(Topic<String, V> topic, String name, List<V> records) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), topic.valueSerde().serializer())) {
            for (V record : records) {
                producer.send(new ProducerRecord<>(name, "credit/v7", record)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theLatestWindowOfTheModelIsDrawnWithTheStoredVerdictsAndAChartAgainstItsBaseline() throws Exception {
        Path page = directory.resolve("credit.html");

        CommandRun.succeed("reports", "drift", "--config", config.toString(), "--model", "credit", "--format", "html",
                "--output", page.toString());

        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("driftwatch drift report: credit v7")
                .contains("window 2026-12-07T12:00:00Z to 2026-12-07T13:00:00Z (500 records)")
                .contains("baseline " + baselineId, "DATASET DRIFT", "1 of 2 columns drifted (50%; dataset drift at 50%)")
                .contains("judged under policy 3f9a2c41b7de", "3 reports matched; this page draws the latest window")
                .contains("<td>psi</td><td class=\"drift\">DRIFT</td><td>0.4120</td>", "<td>ks</td><td class=\"\">no drift</td>")
                .contains("1 category the reference never saw: &#39;FI&#39;")
                .doesNotContain("no charts");
        assertThat(html.split("data:image/png;base64,", -1)).as("income's chart; age has no profile in the window").hasSize(2);
    }

    @Test
    void anEarlierWindowWhoseBaselineWasReplacedIsDrawnWithoutChartsAndSaysWhy() throws Exception {
        Path page = directory.resolve("earlier.html");

        CommandRun.succeed("reports", "drift", "--config", config.toString(), "--model", "credit", "--until",
                "2026-12-07T12:00:00Z", "--format", "html", "--output", page.toString());

        String html = Files.readString(page);
        assertThat(html).contains("window 2026-12-07T11:00:00Z to 2026-12-07T12:00:00Z", "baseline b1")
                .contains("no charts: " + BASELINES + " no longer holds baseline b1 (it holds " + baselineId + " now)")
                .doesNotContain("data:image/png");
    }

    @Test
    void reportsOfSeveralModelsAreRefusedWithTheVersionsNamedAndOtherReportsDrawNoPage() {
        assertRefused("choose one with --model and --model-version: reports of 2 match (credit v7, fraud v7)",
                "reports", "drift", "--config", config.toString(), "--format", "html");
        assertRefused("--format html draws one drift report as a page (driftwatch reports drift); quality reports print"
                + " as --format table or json", "reports", "quality", "--config", config.toString(), "--format", "html");
        assertRefused("cannot --follow", "reports", "drift", "--config", config.toString(), "--format", "html", "--follow");
    }

    private static void assertRefused(String message, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(message);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
    }
}
