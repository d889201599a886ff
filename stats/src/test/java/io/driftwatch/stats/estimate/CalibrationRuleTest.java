package io.driftwatch.stats.estimate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CalibrationRuleTest {

    @Test
    void miscalibratedScoresNeedCalibrationWithTheNumPyErrors() {
        CalibrationCheck check = CalibrationRule.check(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        // cbpe_reference.py needs_calibration: ten stratified folds, expected calibration error over NannyML's bins
        assertThat(check.needed()).isTrue();
        assertEquals(0.14178000000000004, check.errorBefore(), CbpeCases.TOLERANCE);
        assertEquals(0.0345054220609428, check.errorAfter(), CbpeCases.TOLERANCE);
        assertThat(CalibrationRule.fit(CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary")))
                .isInstanceOf(IsotonicCalibrator.class);
    }

    @Test
    void calibratedScoresAreLeftUnchanged() {
        CalibrationCheck check = CalibrationRule.check(
                CbpeCases.doubles("calibrated", "scores"), CbpeCases.labels("calibrated"));
        assertThat(check.needed()).isFalse();
        assertEquals(0.0271200775160012, check.errorBefore(), CbpeCases.TOLERANCE);
        assertEquals(0.035826701955724086, check.errorAfter(), CbpeCases.TOLERANCE);
        assertThat(CalibrationRule.fit(CbpeCases.doubles("calibrated", "scores"), CbpeCases.labels("calibrated")))
                .isEqualTo(UnchangedScores.INSTANCE);
    }

    @Test
    void separatingScoresAreNotCompared() {
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.45, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 0.05};
        boolean[] labels = {false, false, false, false, false, true, true, true, true, true, true, false};
        CalibrationCheck check = CalibrationRule.check(scores, labels);
        assertThat(check.needed()).isFalse();
        assertThat(check.errorBefore()).isNaN();
    }

    @Test
    void binEdgesFollowNannyMlsIntegerWidthsWithTheLastBinStretched() {
        assertArrayEquals(new int[] {0, 5, 10, 15, 20}, ExpectedCalibrationError.binEdges(20, 4));
        // 15 rows <= 2 * 10 bins: 7 bins of width 2, the last stretched to 15
        assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10, 12, 15}, ExpectedCalibrationError.binEdges(15, 10));
        assertArrayEquals(new int[] {0, 103, 206, 309, 412, 515, 618, 721, 824, 927, 1033},
                ExpectedCalibrationError.binEdges(1033, 10));
    }

    @Test
    void refusesBinsForFewerThanFourRows() {
        assertThatThrownBy(() -> ExpectedCalibrationError.binEdges(3, 10))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("cannot split 3 rows into the 2 bins");
    }

    @Test
    void refusesAReferenceWithOneClass() {
        assertThatThrownBy(() -> CalibrationRule.fit(new double[] {0.2, 0.4, 0.9}, new boolean[] {true, true, true}))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessage("the reference has only one class (3 rows, all positive): CBPE needs labelled rows of"
                        + " both classes");
    }

    @Test
    void refusesAReferenceTooSmallForTheSplit() {
        assertThatThrownBy(() -> CalibrationRule.fit(new double[] {0.2, 0.4, 0.9, 0.1},
                new boolean[] {true, false, true, false}))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("too small for NannyML's calibration check: 4 rows with 2 positive");
    }
}
