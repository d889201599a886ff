package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MetricEstimate;
import io.driftwatch.stats.estimate.MulticlassCbpeModel;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.estimate.MulticlassChunkOutcomes;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --estimate-performance} of a three-class model, one {@code --score-column CLASS=COLUMN} per class: each
 * chunk of the current file carries the multiclass estimates, equal to the statistics' on the same rows (the reference
 * cut into the same chunks), and what cannot be estimated is refused in one line.
 */
class MulticlassCheckEstimateTest {
    private static final List<String> CLASSES = List.of("ant", "bee", "cat");
    private static final int CHUNK_ROWS = 200;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
    }

    /** Softmax scores of sharpened logits, 2 decimals (ties); the label drawn from the unsharpened softmax. */
    static List<double[]> rows(int count, long seed, double shift) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] logits = {random.nextGaussian() + shift, random.nextGaussian(), random.nextGaussian()};
            double[] truth = softmax(logits, 1);
            double[] scores = softmax(logits, 1.8);
            double draw = random.nextDouble();
            int label = draw < truth[0] ? 0 : draw < truth[0] + truth[1] ? 1 : 2;
            double[] row = new double[5];
            for (int c = 0; c < 3; c++) {
                row[c] = Math.round(scores[c] * 100) / 100.0;
            }
            row[3] = argmax(scores);
            row[4] = label;
            rows.add(row);
        }
        return rows;
    }

    private static double[] softmax(double[] logits, double sharpness) {
        double[] exp = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            exp[c] = Math.exp(logits[c] * sharpness);
            sum += exp[c];
        }
        for (int c = 0; c < logits.length; c++) {
            exp[c] /= sum;
        }
        return exp;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    private Path write(String name, List<double[]> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of("predicted,p_ant,p_bee,p_cat,animal"));
        for (double[] row : rows) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%s", CLASSES.get((int) row[3]), row[0], row[1], row[2],
                    CLASSES.get((int) row[4])));
        }
        return Files.write(directory.resolve(name), lines);
    }

    private static List<String> check(Path reference, Path current, String format, String... scoreColumns) {
        List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(), "--current",
                current.toString(), "--chunk-rows", Integer.toString(CHUNK_ROWS), "--reference-chunks", "--labels",
                "animal", "--prediction-column", "predicted", "--estimate-performance", "--format", format));
        for (String column : scoreColumns) {
            args.addAll(List.of("--score-column", column));
        }
        return args;
    }

    private static final String[] PER_CLASS = {"ant=p_ant", "bee=p_bee", "cat=p_cat"};

    @Test
    void eachChunkIsEstimatedAsTheStatisticsEstimateItsRows() throws IOException {
        List<double[]> referenceRows = rows(1200, 7, 0);
        List<double[]> currentRows = rows(600, 8, 0.8);
        int exit = run(check(write("ref.csv", referenceRows), write("cur.csv", currentRows), "json", PER_CLASS));
        assertThat(exit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/estimation/classes").toString()).isEqualTo("[\"ant\",\"bee\",\"cat\"]");

        MulticlassCbpeModel model = new MulticlassCbpeModel(MulticlassCbpeReference.fit(CLASSES,
                chunks(referenceRows, true), realizedRocAuc(report)));
        JsonNode chunks = report.path("chunks");
        assertThat(chunks).hasSize(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            OneVsRestWindow window = new OneVsRestWindow(3, ProbabilityRanking.DEFAULT_DISTINCT_MAX);
            for (double[] row : currentRows.subList(chunk * CHUNK_ROWS, (chunk + 1) * CHUNK_ROWS)) {
                window.add(model.calibrate(new double[] {row[0], row[1], row[2]}), (int) row[3]);
            }
            Map<EstimatedMetric, MetricEstimate> expected = model.estimate(window, metric -> Double.NaN);
            JsonNode estimated = chunks.get(chunk).path("estimated");
            assertThat(estimated.has("precision")).isFalse();
            assertThat(expected).hasSize(5);
            expected.forEach((metric, estimate) -> {
                JsonNode one = estimated.path(metric.metricName());
                assertThat(one.path("value").asDouble()).as(metric.metricName()).isEqualTo(estimate.value());
                assertThat(one.path("sampling_error").asDouble()).as(metric.metricName())
                        .isEqualTo(estimate.samplingError());
                assertThat(one.path("lower_threshold").asDouble()).as(metric.metricName())
                        .isEqualTo(estimate.thresholds().lower());
            });
        }
    }

    @Test
    void theTableShowsTheMacroEstimates() throws IOException {
        int exit = run(check(write("ref.csv", rows(1200, 7, 0)), write("cur.csv", rows(400, 8, 0.8)), "table",
                PER_CLASS));
        assertThat(exit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND);
        assertThat(out.toString()).contains("multiclass CBPE from the scores of classes ant, bee, cat")
                .contains("macro_f1").contains("macro_precision");
    }

    @Test
    void theHtmlReportHasTheEstimatesSection() throws IOException {
        int exit = run(check(write("ref.csv", rows(1200, 7, 0)), write("cur.csv", rows(400, 8, 0.8)), "html",
                PER_CLASS));
        assertThat(exit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND);
        assertThat(out.toString()).contains("Estimated performance per chunk").contains("macro_recall");
    }

    @Test
    void aClassMissingFromTheScoreColumnsIsRefusedInOneLine() throws IOException {
        Path reference = write("ref.csv", rows(1200, 7, 0));
        int exit = run(check(reference, write("cur.csv", rows(400, 8, 0.8)), "json", "ant=p_ant", "bee=p_bee",
                "dog=p_cat"));
        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("hold classes cat but --score-column names only ant, bee, dog");
    }

    @Test
    void twoClassedColumnsAreRefusedAsABinaryModel() throws IOException {
        int exit = run(check(write("ref.csv", rows(400, 7, 0)), write("cur.csv", rows(400, 8, 0)), "json",
                "ant=p_ant", "bee=p_bee"));
        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("got 2: ant=p_ant, bee=p_bee", "for two classes give one column without CLASS=");
    }

    private static List<MulticlassChunkOutcomes> chunks(List<double[]> rows, boolean labelled) {
        List<MulticlassChunkOutcomes> chunks = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += CHUNK_ROWS) {
            MulticlassChunkOutcomes chunk = new MulticlassChunkOutcomes();
            for (double[] row : rows.subList(start, start + CHUNK_ROWS)) {
                chunk.add(new double[] {row[0], row[1], row[2]}, (int) row[3], labelled ? (int) row[4] : null);
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The realized macro ROC AUC of each reference chunk, as check's realized quality reports it. */
    private static double[] realizedRocAuc(JsonNode report) {
        JsonNode referenceChunks = report.path("reference_chunks");
        double[] values = new double[referenceChunks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = referenceChunks.get(i).path("quality").path("metrics").path("roc_auc").asDouble(Double.NaN);
        }
        return values;
    }
}
