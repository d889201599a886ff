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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for a multiclass model's estimated performance: the same rows of a three-class model, as a file given to
 * {@code check --estimate-performance} with one {@code --score-column CLASS=COLUMN} per class and ten-minute period
 * chunks, and as inference logs with every class's score read by the stream in ten-minute windows, get the same
 * estimate of accuracy, macro precision, recall, F1 and ROC AUC, its sampling error, band and thresholds, chunk by
 * window, to the last bit. The stream estimates with the multiclass fit {@code baseline --estimate-performance}
 * stored, {@code check} with the fit it makes on the same reference; the scores are sharpened, so classes calibrate.
 */
class MulticlassEstimatesMatchTheStreamTest {
    private static final Instant REFERENCE_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = StreamEstimates.WINDOW;
    private static final int REFERENCE_PER_CHUNK = 400;
    private static final int WINDOWS = 5;
    private static final int PER_WINDOW = 150;
    private static final List<String> METRICS = List.of("accuracy", "roc_auc", "macro_precision", "macro_recall",
            "macro_f1");
    private static final List<String> CLASSES = List.of("ant", "bee", "cat");
    private static final String HEADER = "rid,scored_at,predicted,p_ant,p_bee,p_cat,animal\n";

    @TempDir
    Path directory;

    /** A row of {@link MulticlassCheckEstimateTest#rows}: three scores, the predicted class, the true class. */
    private static String line(String id, Instant at, double[] row) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s%n", id, at, CLASSES.get((int) row[3]), row[0], row[1],
                row[2], CLASSES.get((int) row[4]));
    }

    @Test
    void everyWindowsMulticlassEstimateEqualsItsChunksInCheckToTheLastBit() throws Exception {
        StringBuilder reference = new StringBuilder(HEADER);
        List<double[]> referenceRows = MulticlassCheckEstimateTest.rows(10 * REFERENCE_PER_CHUNK, 41, 0);
        for (int i = 0; i < referenceRows.size(); i++) {
            reference.append(line("v" + i, REFERENCE_START.plusMillis(i * 1_500L), referenceRows.get(i)));
        }
        StringBuilder current = new StringBuilder(HEADER);
        List<InferenceLog> logs = new ArrayList<>();
        for (int window = 0; window < WINDOWS; window++) {
            List<double[]> rows = MulticlassCheckEstimateTest.rows(PER_WINDOW, 100 + window, window < 3 ? 0 : 1.5);
            for (int i = 0; i < PER_WINDOW; i++) {
                double[] row = rows.get(i);
                Instant at = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 3_000L);
                String id = "r" + window + "-" + i;
                current.append(line(id, at, row));
                logs.add(InferenceLog.newBuilder().setRequestId(id).setModelName("zoo").setModelVersion("v3")
                        .setEventTime(at).setFeatures(Map.of()).setPrediction(CLASSES.get((int) row[3]))
                        .setClassScores(Map.of("ant", row[0], "bee", row[1], "cat", row[2])).build());
            }
        }
        Path referenceFile = Files.writeString(directory.resolve("reference.csv"), reference);
        Path currentFile = Files.writeString(directory.resolve("current.csv"), current);
        Path baselineFile = directory.resolve("zoo-v3.avro");
        CommandRun.succeed("baseline", "--model", "zoo", "--model-version", "v3", "--input", referenceFile.toString(),
                "--exclude", "rid,scored_at", "--labels", "animal", "--prediction-column", "predicted",
                "--score-column", "ant=p_ant", "--score-column", "bee=p_bee", "--score-column", "cat=p_cat",
                "--estimate-performance", "--estimate-chunk-rows", Integer.toString(REFERENCE_PER_CHUNK),
                "--output", baselineFile.toString());
        JsonNode check = new ObjectMapper().readTree(CommandRun.expecting(new int[] {0, 1}, "check",
                "--reference", referenceFile.toString(), "--current", currentFile.toString(), "--exclude", "rid",
                "--chunk-period", "10m", "--time-column", "scored_at", "--labels", "animal",
                "--prediction-column", "predicted", "--score-column", "ant=p_ant", "--score-column", "bee=p_bee",
                "--score-column", "cat=p_cat", "--estimate-performance", "--format", "json"));
        assertThat(check.path("estimation").path("calibrated").asBoolean()).as("the scores need calibrating").isTrue();

        Map<Instant, QualityReport> stream = StreamEstimates.of(directory.resolve("state"),
                Topics.BASELINES.valueSerde().deserializer().deserialize("baselines", Files.readAllBytes(baselineFile)), logs,
                InferenceLog.newBuilder().setRequestId("closer").setModelName("zoo").setModelVersion("v3")
                        .setEventTime(T0.plus(WINDOW.multipliedBy(WINDOWS + 1))).setFeatures(Map.of()).setPrediction("ant")
                        .setClassScores(Map.of("ant", 0.8, "bee", 0.1, "cat", 0.1)).build(), T0);

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
        assertThat(report(stream, 4).getEstimated().getPositiveClass()).isEmpty();
        assertThat(chunks.get(4).path("estimated").path("accuracy").path("alert").asBoolean())
                .as("the windows shifted towards one class alert in both").isTrue();
    }


    private static QualityReport report(Map<Instant, QualityReport> stream, int window) {
        return stream.get(T0.plus(WINDOW.multipliedBy(window)));
    }

}
