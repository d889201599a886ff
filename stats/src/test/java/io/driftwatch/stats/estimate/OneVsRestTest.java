package io.driftwatch.stats.estimate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OneVsRestTest {
    private static final int CLASSES = 3;

    private static OneVsRestCalibration fitted() {
        return OneVsRestCalibration.fit(
                CbpeCases.rows("multiclass", "scores"), CbpeCases.classLabels("multiclass"), CLASSES);
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    @Test
    void calibratesEachClassAndNormalisesRowsToOne() {
        OneVsRestCalibration calibration = fitted();
        assertArrayEquals(new boolean[] {true, true, true}, calibration.calibrationNeeded());
        double[] first = calibration.calibrate(CbpeCases.rows("multiclass", "analysis_scores")[0]);
        // cbpe_reference.py mc_calibrate: per-class isotonic, divided by the row's sum
        assertArrayEquals(new double[] {0.22742110990206746, 0.40696409140369966, 0.36561479869423286}, first,
                CbpeCases.TOLERANCE);
    }

    @Test
    void estimatesMacroMetricsAndAccuracyOfTheShiftedWindow() {
        OneVsRestCalibration calibration = fitted();
        ExpectedOneVsRest window = ExpectedOneVsRest.empty(CLASSES);
        RankedProbabilities[] ranked = {new RankedProbabilities(), new RankedProbabilities(),
                new RankedProbabilities()};
        for (double[] scores : CbpeCases.rows("multiclass", "analysis_scores")) {
            double[] calibrated = calibration.calibrate(scores);
            window = window.plus(calibrated, argmax(scores));
            for (int c = 0; c < CLASSES; c++) {
                ranked[c].add(scores[c], calibrated[c]);
            }
        }
        // means over classes of NannyML's binary estimates on one-vs-rest; accuracy = mean p of the predicted class
        assertEquals(0.5854308457209038, window.macroPrecision(), CbpeCases.TOLERANCE);
        assertEquals(0.5702934866574507, window.macroRecall(), CbpeCases.TOLERANCE);
        assertEquals(0.5753660067081379, window.macroF1(), CbpeCases.TOLERANCE);
        assertEquals(0.7875415050932463, window.macroSpecificity(), CbpeCases.TOLERANCE);
        assertEquals(0.6031088392352617, window.accuracy(), CbpeCases.TOLERANCE);
        assertEquals(0.7594512286674764, RankedProbabilities.macroRocAuc(List.of(ranked)), CbpeCases.TOLERANCE);
    }

    @Test
    void aRowCalibratedToZeroEverywhereGetsUniformProbabilities() {
        OneVsRestCalibration calibration = OneVsRestCalibration.of(List.of(
                IsotonicCalibrator.of(new double[] {0.5, 0.9}, new double[] {0.0, 1.0}),
                IsotonicCalibrator.of(new double[] {0.5, 0.9}, new double[] {0.0, 1.0})));
        assertArrayEquals(new double[] {0.5, 0.5}, calibration.calibrate(new double[] {0.2, 0.3}), 0.0);
    }

    @Test
    void keepsNannyMlsCarryOverOnceAClassNeedsNoCalibration() {
        // cbpe_reference.py carry_over_standalone_needs: class 0 needs no calibration, 1 and 2 would on their own
        double[] calibratedScores = CbpeCases.doubles("calibrated", "scores");
        boolean[] calibratedLabels = CbpeCases.labels("calibrated");
        double[][] rows = new double[calibratedScores.length][];
        int[] classes = new int[calibratedScores.length];
        boolean[] isClassOne = new boolean[calibratedScores.length];
        double[] rest = new double[calibratedScores.length];
        for (int r = 0; r < rows.length; r++) {
            rest[r] = Math.round(Math.pow((1 - calibratedScores[r]) / 2, 0.6) * 100) / 100.0;
            rows[r] = new double[] {calibratedScores[r], rest[r], rest[r]};
            classes[r] = calibratedLabels[r] ? 0 : (r % 2 == 0 ? 1 : 2);
            isClassOne[r] = classes[r] == 1;
        }
        assertThat(CalibrationRule.check(rest, isClassOne).needed()).isTrue();
        OneVsRestCalibration calibration = OneVsRestCalibration.fit(rows, classes, CLASSES);
        assertArrayEquals(new boolean[] {false, false, false}, calibration.calibrationNeeded());
    }

    @Test
    void refusesAReferenceMissingAClass() {
        double[][] scores = new double[20][];
        int[] labels = new int[20];
        for (int r = 0; r < 20; r++) {
            scores[r] = new double[] {0.5, 0.3, 0.2};
            labels[r] = r % 2;
        }
        assertThatThrownBy(() -> OneVsRestCalibration.fit(scores, labels, CLASSES))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("class 2 one-vs-rest: the reference has only one class");
    }
}
