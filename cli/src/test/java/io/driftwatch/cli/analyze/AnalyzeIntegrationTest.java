package io.driftwatch.cli.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.report.FileCheck;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.Topics;
import io.driftwatch.topics.TopicsConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code driftwatch analyze} against a real (embedded) broker: profiles written to a profiles topic created as the
 * service creates it (with its retention), a baseline published by {@code driftwatch baseline}, and the command run as
 * a user types it, against the baseline and against an earlier span, its verdicts held to {@code check}'s on the raw rows.
 */
class AnalyzeIntegrationTest {
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    private static final String BASELINES = "analyze-it.baselines";

    @TempDir
    Path directory;

    private void writeProfiles(String profiles, List<WindowProfile> windows) throws Exception {
        TopicsConfig config = new TopicsConfig(Map.of("bootstrap.servers", broker.bootstrapServers(),
                TopicsConfig.PROFILES_TOPIC_CONFIG, profiles));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(Topics.PROFILES.spec(config)));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, profiles);
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(400L * 24 * 3600 * 1000));
        }
        try (KafkaProducer<String, WindowProfile> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                Topics.PROFILES.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (WindowProfile window : windows) {
                sent.add(producer.send(new ProducerRecord<>(profiles, window.getModelName() + "/" + window.getModelVersion(),
                        window)));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
    }

    @Test
    void aMonthOfWindowsIsComparedWithTheBaselineAndWithTheMonthBeforeAsCheckComparesTheRawRows() throws Exception {
        ProfiledRows october = ProfiledRows.drawn(21, 12_000, 50_000, 0.5);
        ProfiledRows november = ProfiledRows.drawn(22, 12_000, 58_000, 0.3);
        List<WindowProfile> windows = new ArrayList<>(october.windows(OCTOBER, 12));
        windows.addAll(november.windows(NOVEMBER, 12));
        writeProfiles("analyze-it.profiles", windows);
        Path octoberCsv = october.csv(directory.resolve("october.csv"));
        Path novemberCsv = november.csv(directory.resolve("november.csv"));
        CommandRun.succeed("baseline", "--model", ProfiledRows.MODEL, "--model-version", ProfiledRows.VERSION,
                "--input", octoberCsv.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--topic", BASELINES,
                "--no-calibrate");
        Path config = Files.writeString(directory.resolve("driftwatch.properties"), "bootstrap.servers="
                + broker.bootstrapServers() + "\ndriftwatch.topic.profiles=analyze-it.profiles\ndriftwatch.topic.baselines="
                + BASELINES + "\n");
        FileCheck checked = FileCheck.run(octoberCsv, novemberCsv, Map.of(), ComparisonSettings.DEFAULT, 100);
        int checkExit = checked.judgement().outcome() == DatasetJudgement.Outcome.DRIFT
                ? ExitCode.FOUND : ExitCode.OK;
        assertThat(checkExit).as("the planted shift").isEqualTo(ExitCode.FOUND);

        String againstBaseline = CommandRun.expecting(new int[]{checkExit}, "analyze", "--config", config.toString(),
                "--model", "credit", "--model-version", "7", "--from", "2026-11-01", "--to", "2026-12-01");
        String againstOctober = CommandRun.expecting(new int[]{checkExit}, "analyze", "--config", config.toString(),
                "--model", "credit", "--model-version", "7", "--from", "2026-11-01", "--to", "2026-12-01",
                "--against-from", "2026-09-01", "--against-to", "2026-11-01", "--format", "json");

        assertThat(againstBaseline).contains("model credit version 7")
                .contains("current: 2026-11-01T00:00:00Z to 2026-12-01T00:00:00Z, 12 windows merged, 12000 records")
                .contains("reference: baseline credit/7/").contains("DATASET DRIFT");
        String page = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/analyze.md"));
        assertThat(page).as("docs/analyze.md's example").contains("driftwatch analyze --config driftwatch.properties"
                + " --model credit --model-version 7 --from 2026-11-01 --to 2026-12-01\n");
        againstBaseline.lines().limit(5).forEach(line -> assertThat(page).as("docs/analyze.md's example").contains(line));
        JsonNode report = new ObjectMapper().readTree(againstOctober);
        assertThat(report.at("/analyze/current/windows").asInt()).isEqualTo(12);
        assertThat(report.at("/analyze/reference/records").asLong()).isEqualTo(12_000);
        assertThat(report.at("/analyze/notes/0").asText()).contains("reaches before the oldest window still on the"
                + " profiles topic, which starts at 2026-10-01T00:00:00Z");
        assertThat(report.at("/dataset/verdict").asText()).isEqualTo("drift");
        assertThat(report.at("/columns/income/drift").asBoolean())
                .isEqualTo(checked.report().columns().get("income").driftDetected());
        assertThat(report.at("/columns/region/tests").fieldNames()).toIterable()
                .containsExactlyElementsOf(checked.report().columns().get("region").tests().keySet());

        Path html = directory.resolve("analysis.html");
        CommandRun.expecting(new int[]{checkExit}, "analyze", "--config", config.toString(), "--model", "credit",
                "--model-version", "7", "--from", "2026-11-01", "--to", "2026-12-01", "--format", "html", "--output", html.toString());
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<title>driftwatch analyze: credit 7")
                .contains("DATASET DRIFT").contains("<h3>income").contains("src=\"data:image/png;base64,");
    }

    @Test
    void aSpanOlderThanEveryWindowOnTheTopicExitsTwoNamingTheOldestWindow() throws Exception {
        writeProfiles("analyze-it.old-profiles", ProfiledRows.drawn(23, 300, 50_000, 0.5).windows(OCTOBER, 3));
        Path config = Files.writeString(directory.resolve("driftwatch.properties"), "bootstrap.servers="
                + broker.bootstrapServers() + "\ndriftwatch.topic.profiles=analyze-it.old-profiles\n");

        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("analyze", "--config", config.toString(), "--model", "credit", "--model-version", "7",
                        "--from", "2026-01-01", "--to", "2026-02-01", "--against-from", "2026-10-01", "--against-to", "2026-11-01");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: the current span [2026-01-01T00:00:00Z,"
                + " 2026-02-01T00:00:00Z) has no window of model credit version 7 on the profiles topic; the oldest window"
                + " still there starts at 2026-10-01T00:00:00Z");
    }
}
