package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.chunk.ChunkPlan;
import io.driftwatch.cli.chunk.Chunker;
import io.driftwatch.cli.chunk.ThresholdRule;
import io.driftwatch.cli.estimate.PerformanceEstimation;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.cli.report.ChunkedFileCheck;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.IsotonicCalibrator;
import io.driftwatch.topology.estimate.BaselineEstimations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for CBPE's fit: {@code baseline --estimate-performance --estimate-chunk-rows 500} on the NannyML-style
 * reference stores, number for number, the fit {@code check --chunk-rows 500 --reference-chunks
 * --estimate-performance} makes on the same file as its reference, so the stream estimates its windows from exactly
 * what {@code check} estimates its chunks from.
 */
class BaselineEstimationMatchesCheckTest {
    private static Path reference;
    private static Path analysis;
    private static CbpeReference stored;

    @BeforeAll
    static void storeTheFitInABaseline() throws Exception {
        reference = BaselineEstimatePerformanceTest.folder().resolve("reference.csv.gz");
        analysis = BaselineEstimatePerformanceTest.folder().resolve("analysis.csv.gz");
        stored = storedFit(500);
    }

    private static CbpeReference storedFit(long chunkRows) throws Exception {
        Path avro = Files.createTempFile("churn-2", ".avro");
        try {
            CommandRun.succeed(BaselineEstimatePerformanceTest.baseline(reference, avro, "--estimate-performance",
                    "--estimate-chunk-rows", Long.toString(chunkRows)).toArray(String[]::new));
            return BaselineEstimations.fromRecord(BaselineEstimatePerformanceTest.read(avro).getPerformanceEstimation());
        } finally {
            Files.delete(avro);
        }
    }

    /** 500 divides the reference's 5000 rows into 10 chunks; 700 leaves a last chunk of 100. */
    @ParameterizedTest
    @ValueSource(longs = {500, 700})
    void theStoredFitIsNumberForNumberTheFitCheckMakesOnItsReference(long chunkRows) throws Exception {
        CbpeReference fromBaseline = storedFit(chunkRows);
        QualityRequest request = new QualityRequest(new OutcomeColumns("prediction", "label",
                ScoreColumns.parse(List.of("score"))), null, null);
        ChunkPlan plan = new ChunkPlan(new Chunker.Rows(chunkRows), null, true, ThresholdRule.LOO);
        ChunkedFileCheck chunked = ChunkedFileCheck.run(reference, analysis, Map.of(),
                Set.of("request_id", "label", "score"), ComparisonSettings.DEFAULT, CalibrationTargets.NONE, 0, plan, true);
        ChunkQuality quality = ChunkQuality.of(request, reference, analysis, chunked.currentLayout(),
                chunked.referenceLayout());
        CbpeReference checked = PerformanceEstimation.of(request, reference, analysis, chunked.currentLayout(),
                chunked.referenceLayout(), quality).model().reference();

        assertThat(fromBaseline.positiveClass()).isEqualTo(checked.positiveClass());
        assertThat(fromBaseline.calibrationCheck()).isEqualTo(checked.calibrationCheck());
        assertThat(fromBaseline.rocAucError()).isEqualTo(checked.rocAucError());
        assertThat(fromBaseline.averagePrecisionError()).isEqualTo(checked.averagePrecisionError());
        assertThat(fromBaseline.chunks()).hasSize((int) ((5000 + chunkRows - 1) / chunkRows)).isEqualTo(checked.chunks());
        IsotonicCalibrator storedCalibration = (IsotonicCalibrator) fromBaseline.calibration();
        IsotonicCalibrator checkedCalibration = (IsotonicCalibrator) checked.calibration();
        assertThat(storedCalibration.breakpoints()).isNotEmpty().containsExactly(checkedCalibration.breakpoints());
        assertThat(storedCalibration.values()).containsExactly(checkedCalibration.values());
    }

    @Test
    void checksReportHoldsItsChunksToTheThresholdsAndCalibrationOfTheStoredFit() throws Exception {
        String json = CommandRun.expecting(new int[]{ExitCode.OK, ExitCode.FOUND}, "check", "--reference",
                reference.toString(), "--current", analysis.toString(), "--exclude", "request_id", "--chunk-rows", "500",
                "--reference-chunks", "--labels", "label", "--prediction-column", "prediction", "--score-column",
                "score", "--estimate-performance", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(json);
        assertThat(report.at("/estimation/calibrated").asBoolean()).isEqualTo(stored.calibrationCheck().needed());
        assertThat(report.at("/estimation/expected_calibration_error_before").asDouble())
                .isEqualTo(stored.calibrationCheck().errorBefore());
        assertThat(report.at("/estimation/expected_calibration_error_after").asDouble())
                .isEqualTo(stored.calibrationCheck().errorAfter());
        Map<EstimatedMetric, MetricBand> thresholds = new CbpeModel(stored, null).thresholds();
        assertThat(thresholds).hasSize(7);
        thresholds.forEach((metric, band) -> {
            JsonNode estimated = report.at("/chunks/0/estimated/" + metric.metricName());
            assertThat(estimated.get("lower_threshold").asDouble()).as(metric.metricName()).isEqualTo(band.lower());
            assertThat(estimated.get("upper_threshold").asDouble()).as(metric.metricName()).isEqualTo(band.upper());
        });
    }
}
