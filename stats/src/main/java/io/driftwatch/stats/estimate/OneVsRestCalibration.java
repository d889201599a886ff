package io.driftwatch.stats.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * A multiclass model's calibration as NannyML fits it ({@code _fit_calibrators}) and applies it
 * ({@code _calibrate_predicted_probabilities}): one {@link ScoreCalibration} per class, fitted one-vs-rest on that
 * class's score column; a row's calibrated probabilities are then divided by their sum so they sum to 1, and a row
 * whose calibrated probabilities are all zero gets 1/k for each class. Classes are indexed 0..k−1 in NannyML's
 * order, the sorted class names.
 *
 * <p><b>NannyML's carry-over, kept.</b> In NannyML's loop over the classes, once one class is found to need no
 * calibration the no-op calibrator replaces the isotonic one for every later class too (the loop reassigns the
 * variable it fits with). {@link #fit} reproduces that so the numbers match NannyML's; {@link #calibrationNeeded}
 * says which classes were calibrated.
 */
public final class OneVsRestCalibration {
    private final List<ScoreCalibration> perClass;

    private OneVsRestCalibration(List<ScoreCalibration> perClass) {
        this.perClass = List.copyOf(perClass);
    }

    /** A calibration read back from its per-class parts. */
    public static OneVsRestCalibration of(List<ScoreCalibration> perClass) {
        if (perClass.size() < 2) {
            throw new IllegalArgumentException("one-vs-rest calibration needs at least two classes");
        }
        return new OneVsRestCalibration(perClass);
    }

    /**
     * The fit on a labelled reference.
     *
     * @param scores {@code scores[row][class]}, each in [0, 1]
     * @param labels each row's true class index
     * @throws EstimationRefusedException when a class has too few rows, or is the only class, for
     *     {@link CalibrationRule}
     */
    public static OneVsRestCalibration fit(double[][] scores, int[] labels, int classCount) {
        List<ScoreCalibration> perClass = new ArrayList<>();
        boolean carriedOver = false;
        for (int c = 0; c < classCount; c++) {
            double[] column = column(scores, c, classCount);
            boolean[] isClass = new boolean[labels.length];
            for (int row = 0; row < labels.length; row++) {
                isClass[row] = labels[row] == c;
            }
            try {
                CalibrationRule.requireUsableReference(column, isClass);
            } catch (EstimationRefusedException refused) {
                throw new EstimationRefusedException("class " + c + " one-vs-rest: " + refused.getMessage());
            }
            boolean needed = !carriedOver && CalibrationRule.check(column, isClass).needed();
            carriedOver = !needed;
            perClass.add(needed ? IsotonicCalibrator.fit(column, isClass) : UnchangedScores.INSTANCE);
        }
        return new OneVsRestCalibration(perClass);
    }

    /** A row's calibrated probabilities, one per class, summing to 1. */
    public double[] calibrate(double[] rowScores) {
        if (rowScores.length != perClass.size()) {
            throw new IllegalArgumentException(rowScores.length + " scores for " + perClass.size() + " classes");
        }
        double[] calibrated = new double[rowScores.length];
        double sum = 0;
        for (int c = 0; c < rowScores.length; c++) {
            calibrated[c] = perClass.get(c).calibrate(rowScores[c]);
            sum += calibrated[c];
        }
        for (int c = 0; c < calibrated.length; c++) {
            calibrated[c] = sum == 0 ? 1.0 / calibrated.length : calibrated[c] / sum;
        }
        return calibrated;
    }

    /** Whether each class's scores were calibrated (isotonic) rather than left unchanged. */
    public boolean[] calibrationNeeded() {
        boolean[] needed = new boolean[perClass.size()];
        for (int c = 0; c < needed.length; c++) {
            needed[c] = perClass.get(c) instanceof IsotonicCalibrator;
        }
        return needed;
    }

    /** The per-class calibrations, in class order, for storing. */
    public List<ScoreCalibration> perClass() {
        return perClass;
    }

    private static double[] column(double[][] scores, int c, int classCount) {
        double[] column = new double[scores.length];
        for (int row = 0; row < scores.length; row++) {
            if (scores[row].length != classCount) {
                throw new IllegalArgumentException("row " + row + " has " + scores[row].length + " scores for "
                        + classCount + " classes");
            }
            column[row] = scores[row][c];
        }
        return column;
    }
}
