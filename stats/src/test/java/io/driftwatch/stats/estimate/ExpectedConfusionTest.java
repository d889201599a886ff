package io.driftwatch.stats.estimate;

import io.driftwatch.stats.quality.BusinessValueMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpectedConfusionTest {
    private static final double TOLERANCE = CbpeCases.TOLERANCE;
    private static final BusinessValue TOTAL = new BusinessValue(new BusinessValueMatrix(5, -10, -50, 20), false);
    private static final BusinessValue PER_PREDICTION = new BusinessValue(new BusinessValueMatrix(5, -10, -50, 20), true);

    private static ExpectedConfusion analysisWindow() {
        ScoreCalibration calibration = CalibrationRule.fit(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        ExpectedConfusion window = ExpectedConfusion.EMPTY;
        for (double score : CbpeCases.doubles("binary", "analysis_scores")) {
            window = window.plus(calibration.calibrate(score), score >= 0.5);
        }
        return window;
    }

    @Test
    void estimatesTheShiftedWindowsMetricsFromCalibratedProbabilities() {
        ExpectedConfusion window = analysisWindow();
        // cbpe_reference.py estimates(): sums of p / 1 - p by predicted class, NannyML's estimate_* formulas
        assertThat(window.count()).isEqualTo(400);
        assertEquals(193.40355723911566, window.truePositive(), TOLERANCE);
        assertEquals(144.59644276088434, window.falsePositive(), TOLERANCE);
        assertEquals(16.14064892302597, window.falseNegative(), TOLERANCE);
        assertEquals(45.85935107697402, window.trueNegative(), TOLERANCE);
        assertEquals(0.5981572707902242, window.accuracy(), TOLERANCE);
        assertEquals(0.5721998734885079, window.precision(), TOLERANCE);
        assertEquals(0.9229725831191122, window.recall(), TOLERANCE);
        assertEquals(0.24078737723261745, window.specificity(), TOLERANCE);
        assertEquals(0.7064399734762019, window.f1(), TOLERANCE);
    }

    @Test
    void normalisesConfusionCellsAsNannyMl() {
        ExpectedConfusion window = analysisWindow();
        // TP / (TP + FN), FP / (TP + FP), TN / n
        assertEquals(0.9229725831191122,
                window.cell(ConfusionCell.TRUE_POSITIVE, ConfusionNormalization.TRUE), TOLERANCE);
        assertEquals(0.42780012651149213,
                window.cell(ConfusionCell.FALSE_POSITIVE, ConfusionNormalization.PREDICTED), TOLERANCE);
        assertEquals(0.11464837769243505,
                window.cell(ConfusionCell.TRUE_NEGATIVE, ConfusionNormalization.ALL), TOLERANCE);
        assertEquals(16.14064892302597,
                window.cell(ConfusionCell.FALSE_NEGATIVE, ConfusionNormalization.NONE), TOLERANCE);
    }

    @Test
    void estimatesBusinessValueAsTotalAndPerPrediction() {
        ExpectedConfusion window = analysisWindow();
        // sum of [[5, -10], [-50, 20]] * [[TN, FP], [FN, TP]]; per prediction: each column divided by its sum
        assertEquals(1844.3710264070414, window.businessValue(TOTAL), 1e-9);
        assertEquals(-2.1523213883516767, window.businessValue(PER_PREDICTION), TOLERANCE);
    }

    @Test
    void aWindowPredictedAllPositiveHasNoExpectedNegativePredictions() {
        ScoreCalibration calibration = CalibrationRule.fit(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        ExpectedConfusion window = ExpectedConfusion.EMPTY;
        for (double score : CbpeCases.doubles("binary", "analysis_scores")) {
            if (score >= 0.5) {
                window = window.plus(calibration.calibrate(score), true);
            }
        }
        assertThat(window.count()).isEqualTo(338);
        assertEquals(0.5721998734885079, window.accuracy(), TOLERANCE);
        assertEquals(1.0, window.recall(), 0.0);
        assertEquals(0.0, window.specificity(), 0.0);
        assertEquals(0.7278971117315644, window.f1(), TOLERANCE);
        assertEquals(2422.1067171734694, window.businessValue(TOTAL), 1e-9);
        // the empty negative column counts zero, as NannyML's nan_to_num
        assertEquals(7.165996204655234, window.businessValue(PER_PREDICTION), TOLERANCE);
    }

    @Test
    void precisionOfAWindowWithNoPositivePredictionIsNotANumber() {
        ExpectedConfusion window = ExpectedConfusion.EMPTY.plus(0.3, false).plus(0.1, false);
        assertThat(window.precision()).isNaN();
        assertEquals(1.6 / 2, window.accuracy(), 1e-15);
    }

    @Test
    void scoresAlreadyCalibratedAreSummedAsTheyAre() {
        double[] scores = CbpeCases.doubles("calibrated", "scores");
        ScoreCalibration calibration = CalibrationRule.fit(scores, CbpeCases.labels("calibrated"));
        ExpectedConfusion window = ExpectedConfusion.EMPTY;
        for (double score : scores) {
            window = window.plus(calibration.calibrate(score), score >= 0.5);
        }
        assertEquals(0.6904274043308475, window.accuracy(), TOLERANCE);
        assertEquals(0.6839556646598156, window.precision(), TOLERANCE);
        assertEquals(0.6989779841934012, window.recall(), TOLERANCE);
        assertEquals(0.6820090585668168, window.specificity(), TOLERANCE);
        assertEquals(0.6913852333523163, window.f1(), TOLERANCE);
        assertEquals(-415.63081136655364, window.businessValue(TOTAL), 1e-9);
        assertEquals(-1.1417691491352464, window.businessValue(PER_PREDICTION), TOLERANCE);
    }

    @Test
    void mergingTwoHalvesGivesTheWholeWindow() {
        double[] scores = CbpeCases.doubles("calibrated", "scores");
        ExpectedConfusion first = ExpectedConfusion.EMPTY;
        ExpectedConfusion second = ExpectedConfusion.EMPTY;
        for (int i = 0; i < scores.length; i++) {
            if (i % 2 == 0) {
                first = first.plus(scores[i], scores[i] >= 0.5);
            } else {
                second = second.plus(scores[i], scores[i] >= 0.5);
            }
        }
        ExpectedConfusion merged = second.merge(first);
        assertThat(merged.count()).isEqualTo(1000);
        assertEquals(0.6904274043308475, merged.accuracy(), TOLERANCE);
        assertEquals(0.6913852333523163, merged.f1(), TOLERANCE);
    }

    @Test
    void refusesAProbabilityOutsideTheUnitInterval() {
        assertThatThrownBy(() -> ExpectedConfusion.EMPTY.plus(-0.1, true))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("score -0.1 is outside [0, 1]");
    }
}
