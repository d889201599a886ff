package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * NannyML's rule for whether a model's scores need calibrating ({@code needs_calibration}) and the calibration it
 * then fits ({@code CBPE._fit_binary}): no calibration for a single class or a ROC AUC above 0.999; otherwise the
 * scores of held-out rows calibrated by an isotonic fit on the other rows, and calibration kept when that lowers
 * the {@link ExpectedCalibrationError} of the held-out rows; the final calibrator is fitted on the whole reference.
 *
 * <p><b>Where this differs from NannyML.</b> NannyML holds out rows with ten random stratified shuffle splits of a
 * tenth each ({@code StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42)}), so rows repeat across
 * splits and the draw depends on scikit-learn's and NumPy's generators. Here the held-out rows are ten stratified
 * folds, fixed by row order: the i-th row of each class goes to fold {@code i mod 10}; each fold is calibrated by a
 * fit on the other nine and the folds are concatenated in fold order. Every row is held out once, the decision is
 * reproducible from the data alone, and on references of thousands of rows it agrees with NannyML's except where
 * the two errors are within the splits' noise of each other.
 */
public final class CalibrationRule {
    static final int FOLDS = 10;
    private static final double SEPARABLE_AUC = 0.999;

    private CalibrationRule() {
    }

    /**
     * The calibration a binary model's scores get: isotonic when {@link #check} says so, unchanged otherwise.
     *
     * @throws EstimationRefusedException on scores outside [0, 1], a reference with one class or too few rows
     */
    public static ScoreCalibration fit(double[] scores, boolean[] labels) {
        requireUsableReference(scores, labels);
        return check(scores, labels).needed() ? IsotonicCalibrator.fit(scores, labels) : UnchangedScores.INSTANCE;
    }

    /** NannyML's decision on these scores, with the two errors compared. */
    public static CalibrationCheck check(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        Scores.checkAll(scores);
        long positives = countPositives(labels);
        if (positives == 0 || positives == labels.length || rocAuc(scores, labels) > SEPARABLE_AUC) {
            return CalibrationCheck.notCompared();
        }
        int[] fold = stratifiedFolds(labels);
        double[] heldScores = new double[scores.length];
        double[] heldCalibrated = new double[scores.length];
        boolean[] heldLabels = new boolean[scores.length];
        int at = 0;
        for (int k = 0; k < FOLDS; k++) {
            int[] test = rowsWhere(fold, k, true);
            if (test.length == 0) {
                continue;
            }
            int[] train = rowsWhere(fold, k, false);
            IsotonicCalibrator calibrator = IsotonicCalibrator.fit(pick(scores, train), pick(labels, train));
            for (int row : test) {
                heldScores[at] = scores[row];
                heldCalibrated[at] = calibrator.calibrate(scores[row]);
                heldLabels[at] = labels[row];
                at++;
            }
        }
        int[] edges = ExpectedCalibrationError.binEdges(at, ExpectedCalibrationError.DEFAULT_BINS);
        double before = ExpectedCalibrationError.of(heldLabels, heldScores, edges);
        double after = ExpectedCalibrationError.of(heldLabels, heldCalibrated, edges);
        return new CalibrationCheck(before > after, before, after);
    }

    /**
     * Refuses a reference CBPE cannot be fitted on: one class (no expected confusion to learn, no sampling error),
     * or fewer rows than NannyML's split needs (a held-out tenth must hold both classes, so more than ten rows, and
     * each class at least two rows).
     */
    static void requireUsableReference(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        Scores.checkAll(scores);
        long positives = countPositives(labels);
        if (positives == 0 || positives == labels.length) {
            throw new EstimationRefusedException("the reference has only one class (" + labels.length + " rows, all "
                    + (positives == 0 ? "negative" : "positive") + "): CBPE needs labelled rows of both classes");
        }
        if (labels.length <= FOLDS || positives < 2 || labels.length - positives < 2) {
            throw new EstimationRefusedException("the reference is too small for NannyML's calibration check: "
                    + labels.length + " rows with " + positives + " positive; it needs more than " + FOLDS
                    + " rows and at least 2 of each class");
        }
    }

    private static long countPositives(boolean[] labels) {
        long positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        return positives;
    }

    private static int[] stratifiedFolds(boolean[] labels) {
        int[] fold = new int[labels.length];
        int positiveSeen = 0;
        int negativeSeen = 0;
        for (int row = 0; row < labels.length; row++) {
            fold[row] = labels[row] ? positiveSeen++ % FOLDS : negativeSeen++ % FOLDS;
        }
        return fold;
    }

    private static int[] rowsWhere(int[] fold, int k, boolean inFold) {
        return IntStream.range(0, fold.length).filter(row -> (fold[row] == k) == inFold).toArray();
    }

    private static double[] pick(double[] values, int[] rows) {
        return Arrays.stream(rows).mapToDouble(row -> values[row]).toArray();
    }

    private static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] picked = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    /** scikit-learn's {@code roc_auc_score}: the Mann-Whitney U over positives and negatives, ties counted half. */
    static double rocAuc(double[] scores, boolean[] labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double u = 0;
        double negativesBelow = 0;
        long positives = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            long tiedPositives = 0;
            long tiedNegatives = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                if (labels[order[end]]) {
                    tiedPositives++;
                } else {
                    tiedNegatives++;
                }
                end++;
            }
            u += tiedPositives * (negativesBelow + tiedNegatives / 2.0);
            negativesBelow += tiedNegatives;
            positives += tiedPositives;
            start = end;
        }
        return u / (positives * negativesBelow);
    }
}
