package io.driftwatch.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.app.DriftwatchCommand;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.SingleObjectAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for model quality: a binary model that logs one probability, its traffic and its delayed labels
 * through {@code driftwatch produce} and the running service, against {@code driftwatch baseline --labels} on the
 * labelled rows of each window. The stream's final quality report of a window must hold the metrics the file
 * gives for the same pairs, to the last bit. Traffic arrives as it does live, each window's labels after its
 * predictions and within the maximum label delay; no record is sent to close anything: the last window becomes
 * final through the idle close.
 */
class StreamQualityMatchesBaselineIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int WINDOWS = 2;
    private static final int PER_WINDOW = 400;
    /** Longer than a window: each window's labels are sent after all its predictions, as a batch, within the delay. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    @TempDir
    Path directory;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + err).isZero();
        return out.toString();
    }

    @Test
    void everyFinalWindowsQualityEqualsBaselineLabelsOnTheSameLabelledRows() throws Exception {
        Random random = new Random(99);
        String bootstrap = broker.bootstrapServers();
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "quality-seam");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "0");
        settings.put(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, "2000");
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(MAX_DELAY.toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "500");
        List<Path> labelledRows = new ArrayList<>();
        List<QualityReport> finals;
        try (DriftwatchService service = DriftwatchService.start(new DriftwatchConfig(settings), new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString(), "max.task.idle.ms", "500"))) {
            for (int window = 0; window < WINDOWS; window++) {
                StringBuilder predictions = new StringBuilder("request_id,event_time,tenure,prediction\n");
                StringBuilder labels = new StringBuilder("request_id,event_time,label\n");
                StringBuilder pairs = new StringBuilder("prediction,label\n");
                for (int i = 0; i < PER_WINDOW; i++) {
                    String id = "w" + window + "-" + i;
                    Instant predictedAt = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 25L);
                    int label = random.nextDouble() < 0.3 ? 1 : 0;
                    double probability = Math.min(0.99, Math.max(0.01, (label == 1 ? 0.62 : 0.35) + random.nextGaussian() * 0.2));
                    String p = String.format(Locale.ROOT, "%.4f", probability);
                    predictions.append(id).append(',').append(predictedAt).append(',').append(random.nextInt(60)).append(',')
                            .append(p).append('\n');
                    if (i % 10 != 3) {
                        labels.append(id).append(',').append(predictedAt.plusMillis(random.nextInt(2_000))).append(',')
                                .append(label).append('\n');
                        pairs.append(p).append(',').append(label).append('\n');
                    }
                }
                run("produce", "--bootstrap-servers", bootstrap, "--topic", "inferences", "--encoding", "json",
                        "--model", "churn", "--model-version", "v2",
                        Files.writeString(directory.resolve("predictions-" + window + ".csv"), predictions).toString());
                run("produce", "--bootstrap-servers", bootstrap, "--topic", "labels", "--encoding", "json", "--kind", "labels",
                        "--model", "churn", Files.writeString(directory.resolve("labels-" + window + ".csv"), labels).toString());
                labelledRows.add(Files.writeString(directory.resolve("pairs-" + window + ".csv"), pairs));
            }
            finals = CommittedTopic.values(bootstrap, "driftwatch.quality-reports",
                            new SingleObjectAvroSerde<QualityReport>(QualityReport.getClassSchema()).deserializer(),
                            reports -> reports.stream().filter(QualityReport::getIsFinal).count() >= WINDOWS, Duration.ofSeconds(90))
                    .stream().filter(QualityReport::getIsFinal).sorted(Comparator.comparing(QualityReport::getWindowStart)).toList();
        }
        assertThat(finals).as("one final report per window").hasSize(WINDOWS);
        for (int window = 0; window < WINDOWS; window++) {
            QualityReport stream = finals.get(window);
            assertThat(stream.getWindowStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(window)));
            assertThat(stream.getPredictions()).isEqualTo(PER_WINDOW);
            assertThat(stream.getLabelled()).as("every label joined").isEqualTo(PER_WINDOW * 9 / 10);
            assertThat(stream.getUnlabelled()).isEqualTo(PER_WINDOW / 10);
            assertThat(stream.getTask()).isEqualTo(ModelTask.CLASSIFICATION);
            Path output = directory.resolve("baseline-" + window + ".json");
            run("baseline", "--model", "churn", "--model-version", "v2", "--input", labelledRows.get(window).toString(),
                    "--labels", "label", "--prediction-column", "prediction", "--no-calibrate", "--output", output.toString());
            JsonNode quality = JSON.readTree(output.toFile()).get("quality");
            assertThat(stream.getLabelled()).isEqualTo(quality.get("labelled").asLong());
            Map<String, Double> expected = new TreeMap<>();
            quality.get("metrics").fields().forEachRemaining(metric -> expected.put(metric.getKey(), metric.getValue().asDouble()));
            assertThat(expected).as("a binary model's probability is scored as one").containsKeys("roc_auc", "log_loss", "accuracy");
            assertThat(new TreeMap<>(stream.getMetrics())).as("window " + window + ": the stream's metrics, bit for bit")
                    .isEqualTo(expected);
        }
    }
}
