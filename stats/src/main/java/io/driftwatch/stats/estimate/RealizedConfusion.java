package io.driftwatch.stats.estimate;

/**
 * A labelled chunk's confusion counts and the realized metrics NannyML computes from them, with its rules for the
 * chunks where a metric is undefined: the values that {@link io.driftwatch.stats.calibration.MetricBand} takes from the reference chunks, and
 * what a window's estimate is compared with once its labels arrive. Precision, recall and F1 are NaN when the
 * chunk's labels or its predictions are all one class (NannyML's {@code nunique() <= 1} check); specificity is NaN
 * when the chunk has no negative; accuracy, business value and the confusion cells are always defined (an empty
 * row or column of a normalised matrix counts zero, as scikit-learn's {@code confusion_matrix} gives).
 *
 * @param truePositives rows predicted positive that are positive
 * @param falsePositives rows predicted positive that are negative
 * @param falseNegatives rows predicted negative that are positive
 * @param trueNegatives rows predicted negative that are negative
 */
public record RealizedConfusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public static final RealizedConfusion EMPTY = new RealizedConfusion(0, 0, 0, 0);

    /** This chunk with one more labelled row. */
    public RealizedConfusion plus(boolean actuallyPositive, boolean predictedPositive) {
        if (predictedPositive) {
            return actuallyPositive
                    ? new RealizedConfusion(truePositives + 1, falsePositives, falseNegatives, trueNegatives)
                    : new RealizedConfusion(truePositives, falsePositives + 1, falseNegatives, trueNegatives);
        }
        return actuallyPositive
                ? new RealizedConfusion(truePositives, falsePositives, falseNegatives + 1, trueNegatives)
                : new RealizedConfusion(truePositives, falsePositives, falseNegatives, trueNegatives + 1);
    }

    /** The chunk of both chunks' rows. */
    public RealizedConfusion merge(RealizedConfusion other) {
        return new RealizedConfusion(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
    }

    public long rows() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    public double accuracy() {
        return (double) (truePositives + trueNegatives) / rows();
    }

    public double precision() {
        return bothClassesSeen() ? (double) truePositives / (truePositives + falsePositives) : Double.NaN;
    }

    public double recall() {
        return bothClassesSeen() ? (double) truePositives / (truePositives + falseNegatives) : Double.NaN;
    }

    public double specificity() {
        long negatives = trueNegatives + falsePositives;
        return negatives == 0 ? Double.NaN : (double) trueNegatives / negatives;
    }

    public double f1() {
        return bothClassesSeen()
                ? 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives)
                : Double.NaN;
    }

    /** Realized business value, the matrix's values times the counts (per prediction: column shares). */
    public double businessValue(BusinessValue value) {
        return value.valueOf((double) truePositives, (double) falsePositives, (double) falseNegatives,
                (double) trueNegatives);
    }

    /** A realized confusion cell in {@code normalization}; a share of an empty class is zero. */
    public double cell(ConfusionCell cell, ConfusionNormalization normalization) {
        ExpectedConfusion counts = new ExpectedConfusion(rows(), (double) truePositives,
                (double) falsePositives, (double) falseNegatives, (double) trueNegatives);
        double share = counts.cell(cell, normalization);
        return Double.isNaN(share) ? 0.0 : share;
    }

    private boolean bothClassesSeen() {
        boolean labelsVary = truePositives + falseNegatives > 0 && falsePositives + trueNegatives > 0;
        boolean predictionsVary = truePositives + falsePositives > 0 && falseNegatives + trueNegatives > 0;
        return labelsVary && predictionsVary;
    }
}
