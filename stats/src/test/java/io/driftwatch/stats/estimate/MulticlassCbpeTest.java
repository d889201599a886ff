package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected values are printed by {@code /cbpe/cbpe_reference.py} (NannyML's definitions in NumPy). */
class MulticlassCbpeTest {
    private static final List<String> CLASSES = List.of("0", "1", "2");
    private static final int CHUNK_ROWS = 100;

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    private static MulticlassCbpeModel fitted(String caseName, int[] labels) {
        double[][] scores = CbpeCases.rows(caseName, "scores");
        List<MulticlassChunkOutcomes> chunks = new ArrayList<>();
        for (int start = 0; start < scores.length; start += CHUNK_ROWS) {
            MulticlassChunkOutcomes chunk = new MulticlassChunkOutcomes();
            for (int row = start; row < Math.min(scores.length, start + CHUNK_ROWS); row++) {
                chunk.add(scores[row], argmax(scores[row]), labels[row]);
            }
            chunks.add(chunk);
        }
        double[] rocAuc = caseName.equals("multiclass") ? CbpeCases.doubles(caseName, "chunk_roc_auc")
                : new double[chunks.size()];
        return new MulticlassCbpeModel(MulticlassCbpeReference.fit(CLASSES, chunks, rocAuc));
    }

    private static OneVsRestWindow window(MulticlassCbpeModel model, String caseName, int onlyPredicted) {
        OneVsRestWindow window = new OneVsRestWindow(CLASSES.size(), ProbabilityRanking.DEFAULT_DISTINCT_MAX);
        for (double[] scores : CbpeCases.rows(caseName, "analysis_scores")) {
            if (onlyPredicted < 0 || argmax(scores) == onlyPredicted) {
                window.add(model.calibrate(scores), argmax(scores));
            }
        }
        return window;
    }

    private static double value(Map<EstimatedMetric, MetricEstimate> estimates, EstimatedMetric metric) {
        return estimates.get(metric).value();
    }

    @Test
    void estimatesTheShiftedWindowOfTiedUncalibratedScores() {
        MulticlassCbpeModel model = fitted("multiclass", CbpeCases.classLabels("multiclass"));
        assertArrayEquals(new boolean[] {true, true, true}, model.reference().calibration().calibrationNeeded());
        Map<EstimatedMetric, MetricEstimate> estimates = model.estimate(window(model, "multiclass", -1),
                metric -> Double.NaN);
        assertThat(estimates.keySet()).containsExactly(EstimatedMetric.ACCURACY, EstimatedMetric.ROC_AUC,
                EstimatedMetric.MACRO_PRECISION, EstimatedMetric.MACRO_RECALL, EstimatedMetric.MACRO_F1);
        assertEquals(0.6031088392352617, value(estimates, EstimatedMetric.ACCURACY), CbpeCases.TOLERANCE);
        assertEquals(0.5854308457209038, value(estimates, EstimatedMetric.MACRO_PRECISION), CbpeCases.TOLERANCE);
        assertEquals(0.5702934866574507, value(estimates, EstimatedMetric.MACRO_RECALL), CbpeCases.TOLERANCE);
        assertEquals(0.5753660067081379, value(estimates, EstimatedMetric.MACRO_F1), CbpeCases.TOLERANCE);
        // ranked by the normalised calibrated probability; NannyML's rank by raw score gives 0.7594512286674764
        assertEquals(0.7607777296074764, value(estimates, EstimatedMetric.ROC_AUC), CbpeCases.TOLERANCE);
        assertThat(estimates.get(EstimatedMetric.ROC_AUC).errorBound()).isZero();
    }

    @Test
    void samplingErrorsFollowFromTheStoredCountsAndComponents() {
        MulticlassCbpeModel model = fitted("multiclass", CbpeCases.classLabels("multiclass"));
        Map<EstimatedMetric, MetricEstimate> estimates = model.estimate(window(model, "multiclass", -1),
                metric -> Double.NaN);
        assertEquals(0.027327837448076226, estimates.get(EstimatedMetric.ACCURACY).samplingError(), CbpeCases.TOLERANCE);
        assertEquals(0.027235779820995492, estimates.get(EstimatedMetric.MACRO_PRECISION).samplingError(),
                CbpeCases.TOLERANCE);
        assertEquals(0.02727854621322019, estimates.get(EstimatedMetric.MACRO_RECALL).samplingError(),
                CbpeCases.TOLERANCE);
        assertEquals(0.024943437087904887, estimates.get(EstimatedMetric.MACRO_F1).samplingError(),
                CbpeCases.TOLERANCE);
        assertEquals(0.013576614344004992, estimates.get(EstimatedMetric.ROC_AUC).samplingError(), CbpeCases.TOLERANCE);
    }

    @Test
    void thresholdsAreTheReferenceChunksRealizedMeanPlusMinusThreeSd() {
        Map<EstimatedMetric, MetricBand> thresholds =
                fitted("multiclass", CbpeCases.classLabels("multiclass")).thresholds();
        assertBand(thresholds.get(EstimatedMetric.ACCURACY), 0.5399133846931253, 0.7823088375290966);
        assertBand(thresholds.get(EstimatedMetric.MACRO_PRECISION), 0.539338648285281, 0.7883055123261123);
        assertBand(thresholds.get(EstimatedMetric.MACRO_RECALL), 0.5480626160757871, 0.7761428824102301);
        assertBand(thresholds.get(EstimatedMetric.MACRO_F1), 0.5397122169624843, 0.779768471079502);
        assertBand(thresholds.get(EstimatedMetric.ROC_AUC), 0.7141070480538585, 0.9464174320946046);
    }

    @Test
    void aReferenceChunkWithOneClassHasNoRealizedValueAndLeavesTheThresholds() {
        int[] labels = CbpeCases.classLabels("multiclass");
        Arrays.fill(labels, 800, labels.length, 0);
        MulticlassCbpeModel model = fitted("multiclass", labels);
        MulticlassReferenceChunk last = model.reference().chunks().get(8);
        assertThat(last.realized(EstimatedMetric.ACCURACY)).isNaN();
        assertThat(last.realized(EstimatedMetric.MACRO_F1)).isNaN();
        Map<EstimatedMetric, MetricBand> thresholds = model.thresholds();
        assertBand(thresholds.get(EstimatedMetric.ACCURACY), 0.5601293873152982, 0.7773706126847018);
        assertBand(thresholds.get(EstimatedMetric.MACRO_PRECISION), 0.5610565176042153, 0.7825614379374035);
        assertBand(thresholds.get(EstimatedMetric.MACRO_RECALL), 0.5609784023989257, 0.7756248655640434);
        assertBand(thresholds.get(EstimatedMetric.MACRO_F1), 0.5595545504164707, 0.7750030321059056);
    }

    @Test
    void aWindowPredictingOneClassHasNoMacroPrecision() {
        MulticlassCbpeModel model = fitted("multiclass", CbpeCases.classLabels("multiclass"));
        OneVsRestWindow window = window(model, "multiclass", 0);
        assertEquals(159, window.count());
        Map<EstimatedMetric, MetricEstimate> estimates = model.estimate(window, metric -> Double.NaN);
        assertThat(value(estimates, EstimatedMetric.MACRO_PRECISION)).isNaN();
        assertThat(estimates.get(EstimatedMetric.MACRO_PRECISION).alert()).isFalse();
        assertEquals(0.3333333333333333, value(estimates, EstimatedMetric.MACRO_RECALL), CbpeCases.TOLERANCE);
        assertEquals(0.26086782784550794, value(estimates, EstimatedMetric.MACRO_F1), CbpeCases.TOLERANCE);
        assertEquals(0.6428501091903719, value(estimates, EstimatedMetric.ACCURACY), CbpeCases.TOLERANCE);
        assertEquals(0.676661582594064, value(estimates, EstimatedMetric.ROC_AUC), CbpeCases.TOLERANCE);
    }

    @Test
    void calibratedScoresAreLeftAsTheyAre() {
        MulticlassCbpeModel model = fitted("multiclass_calibrated", CbpeCases.classLabels("multiclass_calibrated"));
        assertArrayEquals(new boolean[] {false, false, false}, model.reference().calibration().calibrationNeeded());
        Map<EstimatedMetric, MetricEstimate> estimates = model.estimate(window(model, "multiclass_calibrated", -1),
                metric -> Double.NaN);
        assertEquals(0.5589256629154571, value(estimates, EstimatedMetric.ACCURACY), CbpeCases.TOLERANCE);
        assertEquals(0.5497833650249738, value(estimates, EstimatedMetric.MACRO_PRECISION), CbpeCases.TOLERANCE);
        assertEquals(0.5317680716145626, value(estimates, EstimatedMetric.MACRO_RECALL), CbpeCases.TOLERANCE);
        assertEquals(0.5350714062649411, value(estimates, EstimatedMetric.MACRO_F1), CbpeCases.TOLERANCE);
        assertEquals(0.7364104312740318, value(estimates, EstimatedMetric.ROC_AUC), CbpeCases.TOLERANCE);
    }

    @Test
    void mergedPartitionsEstimateAsOneWindow() {
        MulticlassCbpeModel model = fitted("multiclass", CbpeCases.classLabels("multiclass"));
        double[][] rows = CbpeCases.rows("multiclass", "analysis_scores");
        OneVsRestWindow first = new OneVsRestWindow(CLASSES.size(), ProbabilityRanking.DEFAULT_DISTINCT_MAX);
        OneVsRestWindow second = new OneVsRestWindow(CLASSES.size(), ProbabilityRanking.DEFAULT_DISTINCT_MAX);
        for (int row = 0; row < rows.length; row++) {
            (row % 2 == 0 ? first : second).add(model.calibrate(rows[row]), argmax(rows[row]));
        }
        first.merge(second);
        Map<EstimatedMetric, MetricEstimate> whole = model.estimate(window(model, "multiclass", -1), m -> Double.NaN);
        Map<EstimatedMetric, MetricEstimate> merged = model.estimate(first, m -> Double.NaN);
        for (EstimatedMetric metric : whole.keySet()) {
            assertEquals(value(whole, metric), value(merged, metric), 1e-12, metric.metricName());
        }
    }

    @Test
    void refusesAReferenceMissingAClass() {
        int[] labels = CbpeCases.classLabels("multiclass");
        for (int row = 0; row < labels.length; row++) {
            labels[row] = labels[row] == 2 ? 1 : labels[row];
        }
        assertThatThrownBy(() -> fitted("multiclass", labels)).isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("class 2 is no labelled reference row's label");
    }

    @Test
    void refusesScoresOutsideTheUnitInterval() {
        MulticlassChunkOutcomes chunk = new MulticlassChunkOutcomes();
        chunk.add(new double[] {1.5, 0.2, 0.1}, 0, 0);
        chunk.add(new double[] {0.1, 0.8, 0.1}, 1, 1);
        chunk.add(new double[] {0.1, 0.1, 0.8}, 2, 2);
        assertThatThrownBy(() -> MulticlassCbpeReference.fit(CLASSES, List.of(chunk), new double[] {Double.NaN}))
                .isInstanceOf(EstimationRefusedException.class).hasMessageContaining("outside [0, 1]");
    }

    @Test
    void binaryMetricsAreNotMulticlassOnesAndTheOtherWayRound() {
        assertThat(Arrays.stream(EstimatedMetric.values()).filter(EstimatedMetric::multiclass).map(EstimatedMetric::metricName))
                .containsExactly("accuracy", "roc_auc", "macro_precision", "macro_recall", "macro_f1");
        assertThat(Arrays.stream(EstimatedMetric.values()).filter(EstimatedMetric::binary).count()).isEqualTo(8);
    }

    private static void assertBand(MetricBand band, double lower, double upper) {
        assertEquals(lower, band.lower(), CbpeCases.TOLERANCE);
        assertEquals(upper, band.upper(), CbpeCases.TOLERANCE);
    }
}
