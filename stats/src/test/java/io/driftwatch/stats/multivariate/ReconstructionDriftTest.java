package io.driftwatch.stats.multivariate;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.drift.numeric.KsTest;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static io.driftwatch.stats.multivariate.ReconstructionCases.TOLERANCE;
import static io.driftwatch.stats.multivariate.ReconstructionCases.expected;
import static io.driftwatch.stats.multivariate.ReconstructionCases.expectedDoubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReconstructionDriftTest {
    private static final ReconstructionFit FIT = ReconstructionFitter.fit(ReconstructionCases.reference());

    @Test
    void scoresEveryAnalysisRowAsNumPyDoesIncludingMissingValuesAndAnUnseenCategory() {
        FeatureTable analysis = ReconstructionCases.analysis();
        double[] expected = expectedDoubles("analysis_row_errors");
        assertThat(analysis.rowCount()).isEqualTo(expected.length);
        for (int row = 0; row < expected.length; row++) {
            assertThat(FIT.errorOf(analysis.row(row))).as("row %d", row).isCloseTo(expected[row], within(TOLERANCE));
        }
        assertThat(IntStream.range(0, analysis.rowCount()).mapToObj(analysis::row))
                .anySatisfy(row -> assertThat(row.categories()).containsEntry("colour", "violet"))
                .anySatisfy(row -> assertThat(row.categories()).doesNotContainKey("colour"))
                .anySatisfy(row -> assertThat(row.numbers()).doesNotContainKey("x1"));
    }

    @Test
    void aFitRestoredFromItsStoredNumbersScoresRowsIdentically() {
        PrincipalSubspace subspace = FIT.subspace();
        ReconstructionFit restored = ReconstructionFit.of(FIT.encoders(), FIT.scalerMeans(), FIT.scalerScales(),
                PrincipalSubspace.of(subspace.mean(), subspace.components(), subspace.explainedVarianceRatios()));
        FeatureTable analysis = ReconstructionCases.analysis();
        for (int row = 0; row < analysis.rowCount(); row++) {
            assertThat(restored.errorOf(analysis.row(row))).isEqualTo(FIT.errorOf(analysis.row(row)));
        }
    }

    @Test
    void theDistanceIsNotTheNormOfTheReconstruction() {
        double[] distances = expectedDoubles("analysis_row_errors");
        double[] reconstructionNorms = expectedDoubles("analysis_reconstruction_norms");
        FeatureTable analysis = ReconstructionCases.analysis();
        assertThat(FIT.errorOf(analysis.row(0))).isCloseTo(distances[0], within(TOLERANCE))
                .isNotCloseTo(reconstructionNorms[0], within(1e-3));
    }

    @Test
    void chunkValuesAndSamplingErrorsMatchNumPy() {
        for (String set : new String[] {"reference", "analysis"}) {
            JsonNode chunks = expected(set + "_chunks");
            assertThat(ReconstructionCases.chunkCount(set)).isEqualTo(chunks.size());
            for (int index = 0; index < chunks.size(); index++) {
                ReconstructionErrors errors = FIT.errorsOf(ReconstructionCases.chunk(set, index));
                JsonNode chunk = chunks.get(index);
                assertThat(errors.count()).isEqualTo(ReconstructionCases.chunkRows());
                assertThat(errors.value()).as("%s chunk %d", set, index)
                        .isCloseTo(chunk.get("value").asDouble(), within(TOLERANCE));
                assertThat(errors.samplingError()).isCloseTo(chunk.get("sampling_error").asDouble(), within(TOLERANCE));
                assertThat(errors.confidenceBand().lower())
                        .isCloseTo(chunk.get("lower_confidence_bound").asDouble(), within(TOLERANCE));
                assertThat(errors.confidenceBand().upper())
                        .isCloseTo(chunk.get("upper_confidence_bound").asDouble(), within(TOLERANCE));
            }
        }
    }

    @Test
    void thresholdsFromTheReferenceChunksMatchNumPyAndAlertOnlyOnTheFlippedCorrelation() {
        MetricBand band = ReconstructionThresholds.of(chunkValues("reference")).orElseThrow();
        assertThat(band.lower()).isCloseTo(expected("lower_threshold").asDouble(), within(TOLERANCE));
        assertThat(band.upper()).isCloseTo(expected("upper_threshold").asDouble(), within(TOLERANCE));
        double[] analysisValues = chunkValues("analysis");
        boolean[] alerts = new boolean[analysisValues.length];
        for (int index = 0; index < alerts.length; index++) {
            alerts[index] = band.alerts(analysisValues[index]);
            assertThat(alerts[index]).isEqualTo(expected("analysis_alerts").get(index).asBoolean());
        }
        assertThat(alerts).containsExactly(false, false, true, true);
    }

    @Test
    void errorMoreThanDoublesWhenTheCorrelationFlipsWhileEachFeatureKeepsItsValues() {
        double[] values = chunkValues("analysis");
        assertThat(Math.min(values[2], values[3])).isGreaterThan(2 * Math.max(values[0], values[1]));
        FeatureTable reference = ReconstructionCases.reference();
        for (int flipped = 2; flipped < 4; flipped++) {
            FeatureTable unchangedChunk = ReconstructionCases.chunk("analysis", flipped - 2);
            FeatureTable flippedChunk = ReconstructionCases.chunk("analysis", flipped);
            for (int column = 0; column < 2; column++) {
                double[] before = present((ContinuousColumn) unchangedChunk.columns().get(column));
                double[] after = present((ContinuousColumn) flippedChunk.columns().get(column));
                assertThat(mean(after)).isCloseTo(mean(before), within(1e-12));
                assertThat(standardDeviation(after)).isCloseTo(standardDeviation(before), within(1e-12));
                SortedSample referenceValues = SortedSample.of(present((ContinuousColumn) reference.columns().get(column)));
                TestOutcome ks = new KsTest(KsMethod.AUTO).compare(referenceValues, SortedSample.of(after));
                assertThat(ks.pValue()).as("KS p-value of x%d in chunk %d", column + 1, flipped)
                        .isEqualTo(new KsTest(KsMethod.AUTO).compare(referenceValues, SortedSample.of(before)).pValue())
                        .isGreaterThan(0.05);
            }
        }
    }

    private static double[] chunkValues(String set) {
        return IntStream.range(0, ReconstructionCases.chunkCount(set))
                .mapToDouble(index -> FIT.errorsOf(ReconstructionCases.chunk(set, index)).value()).toArray();
    }

    private static double[] present(ContinuousColumn column) {
        return IntStream.range(0, column.size()).mapToDouble(column::value).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double standardDeviation(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
