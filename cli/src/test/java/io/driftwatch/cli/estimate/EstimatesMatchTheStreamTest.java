package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for estimated performance: the same rows, as a file given to {@code check --estimate-performance} with
 * ten-minute period chunks and as inference logs read by the stream in ten-minute windows, get the same estimate of
 * every metric, its sampling error, band and thresholds, chunk by window, to the last bit. The stream estimates with
 * the fit {@code baseline --estimate-performance} stored, {@code check} with the fit it makes on the same reference;
 * the scores are miscalibrated, so both calibrate.
 */
class EstimatesMatchTheStreamTest {
    private static final Instant REFERENCE_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = StreamEstimates.WINDOW;
    private static final int REFERENCE_PER_CHUNK = 400;
    private static final int WINDOWS = 5;
    private static final int PER_WINDOW = 150;
    private static final List<String> METRICS = List.of("accuracy", "precision", "recall", "specificity", "f1", "roc_auc",
            "average_precision");

    @TempDir
    Path directory;

    private final Random random = new Random(41);

    /** A label 1 with probability score², so the raw scores overstate it and calibration is needed. */
    private String row(String id, Instant at, double score) {
        return String.format(Locale.ROOT, "%s,%s,%d,%.6f,%d%n", id, at, score >= 0.5 ? 1 : 0, score,
                random.nextDouble() < score * score ? 1 : 0);
    }

    @Test
    void everyWindowsEstimateEqualsItsChunksInCheckToTheLastBit() throws Exception {
        StringBuilder reference = new StringBuilder("rid,scored_at,predicted,p_default,defaulted\n");
        for (int i = 0; i < 10 * REFERENCE_PER_CHUNK; i++) {
            reference.append(row("v" + i, REFERENCE_START.plusMillis(i * 1_500L), random.nextDouble()));
        }
        StringBuilder current = new StringBuilder("rid,scored_at,predicted,p_default,defaulted\n");
        List<InferenceLog> logs = new ArrayList<>();
        for (int window = 0; window < WINDOWS; window++) {
            for (int i = 0; i < PER_WINDOW; i++) {
                double score = window < 3 ? random.nextDouble() : 0.3 + 0.4 * random.nextDouble();
                Instant at = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 3_000L);
                String id = "r" + window + "-" + i;
                current.append(row(id, at, score));
                logs.add(InferenceLog.newBuilder().setRequestId(id).setModelName("loans").setModelVersion("v3")
                        .setEventTime(at).setFeatures(Map.of()).setPrediction(score >= 0.5 ? 1.0 : 0.0)
                        .setClassScores(Map.of("1", Double.parseDouble(String.format(Locale.ROOT, "%.6f", score)))).build());
            }
        }
        Path referenceFile = Files.writeString(directory.resolve("reference.csv"), reference);
        Path currentFile = Files.writeString(directory.resolve("current.csv"), current);
        Path baselineFile = directory.resolve("loans-v3.avro");
        CommandRun.succeed("baseline", "--model", "loans", "--model-version", "v3", "--input", referenceFile.toString(),
                "--exclude", "rid,scored_at", "--labels", "defaulted", "--prediction-column", "predicted",
                "--score-column", "p_default", "--positive-class", "1", "--estimate-performance",
                "--estimate-chunk-rows", Integer.toString(REFERENCE_PER_CHUNK), "--output", baselineFile.toString());
        JsonNode check = new ObjectMapper().readTree(CommandRun.expecting(new int[] {0, 1}, "check",
                "--reference", referenceFile.toString(), "--current", currentFile.toString(), "--exclude", "rid",
                "--chunk-period", "10m", "--time-column", "scored_at", "--labels", "defaulted",
                "--prediction-column", "predicted", "--score-column", "p_default", "--positive-class", "1",
                "--estimate-performance", "--format", "json"));
        assertThat(check.path("estimation").path("calibrated").asBoolean()).as("the scores need calibrating").isTrue();

        Map<Instant, QualityReport> stream = StreamEstimates.of(directory.resolve("state"),
                Topics.BASELINES.valueSerde().deserializer().deserialize("baselines", Files.readAllBytes(baselineFile)), logs,
                InferenceLog.newBuilder().setRequestId("closer").setModelName("loans").setModelVersion("v3")
                        .setEventTime(T0.plus(WINDOW.multipliedBy(WINDOWS + 1))).setFeatures(Map.of()).setPrediction(1.0)
                        .setClassScores(Map.of("1", 0.9)).build(), T0);

        JsonNode chunks = check.path("chunks");
        assertThat(chunks).hasSize(WINDOWS);
        for (int window = 0; window < WINDOWS; window++) {
            JsonNode chunk = chunks.get(window);
            QualityReport report = stream.get(T0.plus(WINDOW.multipliedBy(window)));
            assertThat(report).as("window %d estimated", window).isNotNull();
            assertThat(report.getEstimated().getPredictions()).isEqualTo(chunk.path("rows").asLong()).isEqualTo(PER_WINDOW);
            for (String name : METRICS) {
                StreamEstimates.assertSameEstimate(chunk, report, name, "window " + window + " " + name);
            }
        }
        assertThat(chunks.get(4).path("estimated").path("accuracy").path("alert").asBoolean())
                .as("the scores that crowd around 0.5 alert in both").isTrue();
    }

}
