package io.driftwatch.cli.run;

import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code quality_drop} rule against the quality {@code driftwatch baseline --labels} published: a churn
 * model right 95% of the time on its validation file is right 80% of the time in production, from the first
 * window on. That first window has no previous window, so only the baseline's quality can be the reference
 * the rule compares it with; a drop of more than 0.1 fires, and the trigger and the report carry the
 * baseline's accuracy.
 */
class QualityDropBaselineIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final int VALIDATION_ROWS = 400;
    private static final int PREDICTIONS = 100;
    private static final Deserializer<QualityReport> REPORTS =
            Topics.QUALITY_REPORTS.valueSerde().deserializer();
    private static final Deserializer<RetrainingTrigger> TRIGGERS =
            Topics.TRIGGERS.valueSerde().deserializer();
    private static final Deserializer<Baseline> BASELINES =
            Topics.BASELINES.valueSerde().deserializer();
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final RunTopics TOPICS = new RunTopics("quality-drop-baseline");

    @TempDir
    Path directory;

    private static String other(String label) {
        return label.equals("churn") ? "stay" : "churn";
    }

    /** Every 20th prediction wrong: accuracy 0.95. */
    private Path validationFile() throws Exception {
        StringBuilder csv = new StringBuilder("tenure,churned,predicted\n");
        for (int row = 0; row < VALIDATION_ROWS; row++) {
            String actual = row % 3 == 0 ? "churn" : "stay";
            csv.append(row % 36).append(',').append(actual).append(',').append(row % 20 == 0 ? other(actual) : actual).append('\n');
        }
        return Files.writeString(directory.resolve("validation.csv"), csv);
    }

    private Baseline publishBaseline() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(
                "baseline", "--model", "churn", "--model-version", "v7", "--input", validationFile().toString(),
                "--labels", "churned", "--prediction-column", "predicted", "--no-calibrate",
                "--bootstrap-servers", broker.bootstrapServers(), "--topic", TOPICS.baselines());
        assertThat(exit).as(err.toString()).isZero();
        List<Baseline> published = CommittedTopic.values(broker.bootstrapServers(), TOPICS.baselines(), BASELINES,
                read -> !read.isEmpty(), Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        return published.get(0);
    }

    /** One window of production traffic, every 5th prediction wrong (accuracy 0.8), each label 30 s after its prediction. */
    @SuppressWarnings("FutureReturnValueIgnored") // a send that fails shows as a record missing from the output asserted on
    private void produceTraffic() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PREDICTIONS; i++) {
                String id = "req-" + i;
                Instant predictedAt = T0.plusSeconds(3L * i);
                String predicted = i % 2 == 0 ? "churn" : "stay";
                producer.send(new ProducerRecord<>(TOPICS.inferences(), RecordEncoders.json(InferenceLog.newBuilder().setRequestId(id)
                        .setModelName("churn").setModelVersion("v7").setEventTime(predictedAt)
                        .setFeatures(Map.of("tenure", (double) (i % 36))).setPrediction(predicted).build())));
                String actual = i % 5 == 0 ? other(predicted) : predicted;
                producer.send(new ProducerRecord<>(TOPICS.labels(), RecordEncoders.json(FeedbackLabel.newBuilder().setRequestId(id)
                        .setModelName("churn").setLabel(actual).setEventTime(predictedAt.plusSeconds(30)).build())));
            }
            producer.flush();
        }
    }

    private static List<RetrainingTrigger> qualityTriggers(List<RetrainingTrigger> triggers) {
        return triggers.stream().filter(trigger -> trigger.getRule().startsWith("quality")).toList();
    }

    @Test
    void theFirstWindowIsComparedWithTheQualityTheBaselineCommandPublished() throws Exception {
        Baseline baseline = publishBaseline();
        assertThat(baseline.getQuality().getMetrics().get("accuracy")).isEqualTo(0.95);
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.putAll(TOPICS.settings());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "quality-drop-baseline");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()));
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "500");
        settings.put(DriftwatchConfig.TRIGGER_QUALITY_MAX_DROP_CONFIG, "0.1");
        settings.put(DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, "50");
        List<RetrainingTrigger> fired;
        List<QualityReport> reports;
        try (DriftwatchService service = DriftwatchService.start(new DriftwatchConfig(settings), new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString(), "commit.interval.ms", "200"))) {
            produceTraffic();
            fired = qualityTriggers(CommittedTopic.values(broker.bootstrapServers(), TOPICS.triggers(), TRIGGERS,
                    read -> !qualityTriggers(read).isEmpty(), Duration.ofSeconds(90)));
            reports = CommittedTopic.values(broker.bootstrapServers(), TOPICS.qualityReports(), REPORTS,
                    read -> !read.isEmpty(), Duration.ofSeconds(10));
        }

        assertThat(fired).as("one quality trigger, for the only window").hasSize(1);
        RetrainingTrigger trigger = fired.get(0);
        assertThat(trigger.getRule()).isEqualTo("quality_drop");
        assertThat(trigger.getRuleDescription()).contains("worse than the baseline by more than 0.1");
        assertThat(trigger.getWindows().get(0).getStart()).isEqualTo(T0);
        assertThat(trigger.getEvidence().get(0).getThreshold()).as("the reference: the baseline's accuracy").isEqualTo(0.95);
        assertThat(trigger.getEvidence().get(0).getStatistic()).isBetween(0.75, 0.85);
        assertThat(reports).isNotEmpty().allSatisfy(report -> {
            assertThat(report.getBaselineMetrics()).isEqualTo(baseline.getQuality().getMetrics());
            assertThat(report.getPreviousWindowMetrics()).isEmpty();
        });
    }
}
