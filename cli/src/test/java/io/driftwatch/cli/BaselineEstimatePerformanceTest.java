package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.topology.estimate.BaselineEstimations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code baseline --estimate-performance} on the NannyML-style reference: the fit it stores and prints is held to
 * {@code nannyml-style/cbpe_expected.json} (NumPy's calibration errors and thresholds over the reference's size-500
 * chunks), and its bad input is refused in one line with exit 2. That it stores the very fit {@code check} makes is
 * {@code BaselineEstimationMatchesCheckTest}.
 */
class BaselineEstimatePerformanceTest {
    private static final double CLOSE = 1e-9;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
    }

    static Path folder() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(BaselineEstimatePerformanceTest.class.getClassLoader()
                .getResource("nannyml-style"), "nannyml-style").toURI());
    }

    static List<String> baseline(Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("baseline", "--model", "churn", "--model-version", "2", "--input",
                input.toString(), "--output", output.toString(), "--no-calibrate", "--exclude", "request_id,scored_at",
                "--labels", "label", "--prediction-column", "prediction", "--score-column", "score"));
        args.addAll(List.of(more));
        return args;
    }

    static Baseline read(Path avro) throws Exception {
        return Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
    }

    @Test
    void storesNannyMlsCalibrationDecisionAndChunksAndPrintsTheThresholdsOfThePolicysBusinessValue() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(folder().resolve("cbpe_expected.json").toFile());
        Path policy = Files.writeString(directory.resolve("churn.yaml"),
                "model: churn\nversions: \"*\"\noutcome: {business_value: [[0, -100], [-500, 200]]}\n");
        Path avro = directory.resolve("churn-2.avro");

        int exit = run(baseline(folder().resolve("reference.csv.gz"), avro, "--policy", policy.toString(),
                "--estimate-performance", "--estimate-chunk-rows", "500"));

        assertThat(exit).as(err.toString()).isZero();
        CbpeReference stored = BaselineEstimations.fromRecord(read(avro).getPerformanceEstimation());
        assertThat(stored.positiveClass()).isEqualTo("1");
        assertThat(stored.chunks()).hasSize(10);
        assertThat(stored.calibrationCheck().needed()).isEqualTo(expected.get("calibrated").asBoolean()).isTrue();
        assertThat(stored.calibrationCheck().errorBefore())
                .isCloseTo(expected.get("expected_calibration_error_before").asDouble(), within(CLOSE));
        assertThat(stored.calibrationCheck().errorAfter())
                .isCloseTo(expected.get("expected_calibration_error_after").asDouble(), within(CLOSE));
        String summary = out.toString();
        assertThat(summary).contains("Performance estimation (CBPE) of positive class 1, fitted on 5000 labelled rows"
                + " in 10 chunks (--estimate-chunk-rows 500)").contains(String.format(Locale.ROOT,
                "scores calibrated (isotonic): expected calibration error %.4f raw, %.4f calibrated",
                expected.get("expected_calibration_error_before").asDouble(),
                expected.get("expected_calibration_error_after").asDouble()));
        for (EstimatedMetric metric : Arrays.stream(EstimatedMetric.values()).filter(EstimatedMetric::binary).toList()) {
            String digits = metric == EstimatedMetric.BUSINESS_VALUE ? "%.2f" : "%.4f";
            JsonNode thresholds = expected.at("/thresholds/" + metric.metricName());
            assertThat(summary).as(metric.metricName()).containsPattern(String.format(Locale.ROOT,
                    "\\n  %s +%s +%s\\R", metric.metricName(),
                    String.format(Locale.ROOT, digits, thresholds.get("lower").asDouble()),
                    String.format(Locale.ROOT, digits, thresholds.get("upper").asDouble())).replace(".", "\\."));
        }
    }

    @Test
    void theJsonOutputShowsTheFitAsPlainNumbersOneObjectPerChunk() throws Exception {
        Path json = directory.resolve("churn-2.json");
        Path avro = directory.resolve("churn-2.avro");

        assertThat(run(baseline(folder().resolve("reference.csv.gz"), json, "--estimate-performance")))
                .as(err.toString()).isZero();
        assertThat(run(baseline(folder().resolve("reference.csv.gz"), avro, "--estimate-performance")))
                .as(err.toString()).isZero();

        JsonNode fit = new ObjectMapper().readTree(json.toFile()).get("performance_estimation");
        CbpeReference stored = BaselineEstimations.fromRecord(read(avro).getPerformanceEstimation());
        assertThat(fit.get("positive_class").asText()).isEqualTo("1");
        assertThat(fit.get("calibrated").asBoolean()).isTrue();
        assertThat(fit.get("chunks")).as("NannyML's default: 10 chunks of the 5000 rows").hasSize(10);
        assertThat(fit.at("/chunks/3/true_positives").asLong())
                .isEqualTo(stored.chunks().get(3).confusion().truePositives());
        assertThat(fit.at("/chunks/3/roc_auc").asDouble()).isEqualTo(stored.chunks().get(3).rocAuc());
        assertThat(fit.at("/calibration/scores").size()).isPositive()
                .isEqualTo(fit.at("/calibration/probabilities").size());
        assertThat(fit.at("/average_precision_sampling_error/resample_rows").asInt())
                .isEqualTo(stored.averagePrecisionError().resampleSize());
    }

    @Test
    void aBaselineWithoutTheFitHasNoneAndAnotherIdThanOneWithIt() throws Exception {
        Path without = directory.resolve("without.avro");
        Path with = directory.resolve("with.avro");
        Path otherChunks = directory.resolve("other-chunks.avro");
        Path input = folder().resolve("reference.csv.gz");

        assertThat(run(baseline(input, without))).as(err.toString()).isZero();
        assertThat(run(baseline(input, with, "--estimate-performance"))).as(err.toString()).isZero();
        assertThat(run(baseline(input, otherChunks, "--estimate-performance", "--estimate-chunk-rows", "1000")))
                .as(err.toString()).isZero();

        Baseline plain = read(without);
        Baseline fitted = read(with);
        assertThat(plain.getPerformanceEstimation()).isNull();
        assertThat(out.toString()).contains("in 10 chunks (--estimate-chunks 10)", "in 5 chunks (--estimate-chunk-rows 1000)");
        assertThat(fitted.getPerformanceEstimation()).isNotNull();
        assertThat(fitted.getBaselineId()).isNotEqualTo(plain.getBaselineId()).startsWith("churn/2/");
        assertThat(fitted.getContentHash()).isNotEqualTo(plain.getContentHash()).matches("[0-9a-f]{64}");
        assertThat(read(otherChunks).getBaselineId()).isNotIn(plain.getBaselineId(), fitted.getBaselineId());
    }

    @Test
    void theThresholdsShownAreTheModelsOfTheStoredFit() throws Exception {
        Path avro = directory.resolve("churn-2.avro");

        assertThat(run(baseline(folder().resolve("reference.csv.gz"), avro, "--estimate-performance")))
                .as(err.toString()).isZero();

        Map<EstimatedMetric, MetricBand> thresholds = new CbpeModel(BaselineEstimations.fromRecord(
                read(avro).getPerformanceEstimation()), null).thresholds();
        assertThat(thresholds).doesNotContainKey(EstimatedMetric.BUSINESS_VALUE).hasSize(7);
        assertThat(out.toString()).doesNotContain("business_value").contains(String.format(Locale.ROOT, "  %-18s %12.4f %12.4f",
                "roc_auc", thresholds.get(EstimatedMetric.ROC_AUC).lower(), thresholds.get(EstimatedMetric.ROC_AUC).upper()));
    }
}
