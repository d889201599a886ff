package io.driftwatch.stats.estimate;

/**
 * The expected confusion matrix of a binary window, the mergeable state of CBPE's binary metrics: with p the
 * calibrated probability that a row is positive, TP sums p over the rows predicted positive, FP sums 1 − p over
 * them, FN sums p over the rows predicted negative and TN sums 1 − p over those. Every binary metric NannyML
 * estimates, except ROC AUC and average precision, is a function of these four sums and the row count (NannyML
 * computes them per chunk with {@code np.where} and {@code np.sum}, F1 included: F1 is taken from the summed
 * matrix, not averaged over rows). A window's state is {@link #plus}-ed row by row and {@link #merge}-d across
 * partitions; the sums are plain doubles, so two orders of adding can differ in the last bits.
 *
 * <p>A metric whose denominator is zero (precision of a window with no positive prediction) is NaN, as NannyML's
 * division gives.
 *
 * @param count the rows of the window
 */
public record ExpectedConfusion(
        long count, double truePositive, double falsePositive, double falseNegative, double trueNegative) {

    public static final ExpectedConfusion EMPTY = new ExpectedConfusion(0, 0, 0, 0, 0);

    /** This state with one more row, of calibrated probability {@code probability} and predicted class. */
    public ExpectedConfusion plus(double probability, boolean predictedPositive) {
        double p = Scores.checked(probability);
        return predictedPositive
                ? new ExpectedConfusion(count + 1, truePositive + p, falsePositive + (1 - p), falseNegative, trueNegative)
                : new ExpectedConfusion(count + 1, truePositive, falsePositive, falseNegative + p, trueNegative + (1 - p));
    }

    /** The state of the union of the two windows' rows. */
    public ExpectedConfusion merge(ExpectedConfusion other) {
        return new ExpectedConfusion(count + other.count, truePositive + other.truePositive,
                falsePositive + other.falsePositive, falseNegative + other.falseNegative,
                trueNegative + other.trueNegative);
    }

    /** Estimated accuracy, (TP + TN) / n. */
    public double accuracy() {
        return (truePositive + trueNegative) / count;
    }

    /** Estimated precision, TP / (TP + FP). */
    public double precision() {
        return truePositive / (truePositive + falsePositive);
    }

    /** Estimated recall, TP / (TP + FN). */
    public double recall() {
        return truePositive / (truePositive + falseNegative);
    }

    /** Estimated specificity, TN / (TN + FP). */
    public double specificity() {
        return trueNegative / (trueNegative + falsePositive);
    }

    /** Estimated F1, TP / (TP + (FP + FN) / 2), from the summed matrix as NannyML's {@code estimate_f1}. */
    public double f1() {
        return truePositive / (truePositive + 0.5 * (falsePositive + falseNegative));
    }

    /**
     * One estimated cell as NannyML's {@code get_*_estimate}: the expected count ({@code NONE}), its share of the
     * rows ({@code ALL}), of the expected rows of its true class ({@code TRUE}: TP / (TP + FN), FP / (FP + TN), ...)
     * or of the rows of its predicted class ({@code PREDICTED}: TP / (TP + FP), FN / (FN + TN), ...).
     */
    public double cell(ConfusionCell cell, ConfusionNormalization normalization) {
        double value = valueOf(cell);
        return switch (normalization) {
            case NONE -> value;
            case ALL -> value / count;
            case TRUE -> value / (valueOf(cell.actuallyPositive() ? ConfusionCell.TRUE_POSITIVE
                    : ConfusionCell.TRUE_NEGATIVE) + valueOf(cell.actuallyPositive() ? ConfusionCell.FALSE_NEGATIVE
                    : ConfusionCell.FALSE_POSITIVE));
            case PREDICTED -> value / (valueOf(cell.predictedPositive() ? ConfusionCell.TRUE_POSITIVE
                    : ConfusionCell.TRUE_NEGATIVE) + valueOf(cell.predictedPositive() ? ConfusionCell.FALSE_POSITIVE
                    : ConfusionCell.FALSE_NEGATIVE));
        };
    }

    /** Estimated business value, NannyML's {@code estimate_business_value} on the expected matrix. */
    public double businessValue(BusinessValue value) {
        return value.valueOf(truePositive, falsePositive, falseNegative, trueNegative);
    }

    private double valueOf(ConfusionCell cell) {
        return switch (cell) {
            case TRUE_POSITIVE -> truePositive;
            case FALSE_POSITIVE -> falsePositive;
            case FALSE_NEGATIVE -> falseNegative;
            case TRUE_NEGATIVE -> trueNegative;
        };
    }
}
