package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MetricEstimate;
import io.driftwatch.stats.estimate.MulticlassCbpeModel;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.topology.estimate.BaselineEstimations;
import io.driftwatch.topology.estimate.MulticlassBaselineEstimations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code baseline --estimate-performance} of a three-class model stores the multiclass fit, and it is the fit
 * {@code check} makes on the same file: estimating {@code check}'s chunks from the stored fit gives {@code check}'s
 * numbers to the last bit.
 */
class MulticlassBaselineEstimateTest {
    private static final List<String> CLASSES = List.of("ant", "bee", "cat");

    @TempDir
    Path directory;

    private Path write(String name, List<double[]> rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of("predicted,p_ant,p_bee,p_cat,animal"));
        for (double[] row : rows) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%s", CLASSES.get((int) row[3]), row[0], row[1], row[2],
                    CLASSES.get((int) row[4])));
        }
        return Files.write(directory.resolve(name), lines);
    }

    @Test
    void theStoredFitEstimatesChecksChunksAsCheckDoes() throws Exception {
        List<double[]> currentRows = MulticlassCheckEstimateTest.rows(600, 8, 0.8);
        Path reference = write("ref.csv", MulticlassCheckEstimateTest.rows(1200, 7, 0));
        Path current = write("cur.csv", currentRows);
        Path avro = directory.resolve("zoo.avro");
        String printed = CommandRun.succeed("baseline", "--model", "zoo", "--model-version", "1", "--input",
                reference.toString(), "--labels", "animal", "--prediction-column", "predicted", "--score-column",
                "ant=p_ant", "--score-column", "bee=p_bee", "--score-column", "cat=p_cat", "--estimate-performance",
                "--estimate-chunk-rows", "200", "--output", avro.toString());
        assertThat(printed).contains("Performance estimation (multiclass CBPE) of classes ant, bee, cat, fitted on"
                + " 1200 labelled rows in 6 chunks");
        Baseline baseline = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
        MulticlassCbpeReference stored = MulticlassBaselineEstimations.fromRecord(baseline.getPerformanceEstimation())
                .orElseThrow();
        assertThatThrownBy(() -> BaselineEstimations.fromRecord(baseline.getPerformanceEstimation()))
                .hasMessageContaining("multiclass");
        assertThat(stored.classes()).isEqualTo(CLASSES);

        JsonNode check = new ObjectMapper().readTree(CommandRun.expecting(new int[] {0, 1}, "check", "--reference",
                reference.toString(), "--current", current.toString(), "--chunk-rows", "200", "--reference-chunks",
                "--labels", "animal", "--prediction-column", "predicted", "--score-column", "ant=p_ant",
                "--score-column", "bee=p_bee", "--score-column", "cat=p_cat", "--estimate-performance", "--format",
                "json"));
        MulticlassCbpeModel model = new MulticlassCbpeModel(stored);
        for (int chunk = 0; chunk < 3; chunk++) {
            OneVsRestWindow window = new OneVsRestWindow(3, ProbabilityRanking.DEFAULT_DISTINCT_MAX);
            for (double[] row : currentRows.subList(chunk * 200, (chunk + 1) * 200)) {
                window.add(model.calibrate(new double[] {row[0], row[1], row[2]}), (int) row[3]);
            }
            Map<EstimatedMetric, MetricEstimate> estimates = model.estimate(window, metric -> Double.NaN);
            JsonNode estimated = check.path("chunks").get(chunk).path("estimated");
            assertThat(estimates).hasSize(5);
            estimates.forEach((metric, estimate) -> {
                JsonNode one = estimated.path(metric.metricName());
                String what = "chunk " + metric.metricName();
                assertThat(one.path("value").asDouble()).as(what).isEqualTo(estimate.value());
                assertThat(one.path("sampling_error").asDouble()).as(what).isEqualTo(estimate.samplingError());
                assertThat(one.path("lower_threshold").asDouble()).as(what).isEqualTo(estimate.thresholds().lower());
                assertThat(one.path("upper_threshold").asDouble()).as(what).isEqualTo(estimate.thresholds().upper());
            });
        }
    }
}
