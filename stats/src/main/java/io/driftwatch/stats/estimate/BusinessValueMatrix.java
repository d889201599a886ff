package io.driftwatch.stats.estimate;

/**
 * What one row of each confusion cell is worth to the business, NannyML's {@code business_value_matrix}
 * {@code [[tn, fp], [fn, tp]]} (a cost is a negative value), and whether the value is a chunk's total or NannyML's
 * {@code 'per_prediction'} form.
 *
 * @param perPrediction NannyML's {@code normalize_business_value='per_prediction'}: each column of the (expected)
 *     confusion matrix divided by its sum, the rows predicted negative and the rows predicted positive, an empty
 *     column counting zero; so the value is the mean value of a negative prediction plus that of a positive one
 */
public record BusinessValueMatrix(
        double trueNegative, double falsePositive, double falseNegative, double truePositive, boolean perPrediction) {

    public BusinessValueMatrix {
        for (double value : new double[] {trueNegative, falsePositive, falseNegative, truePositive}) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a business value must be a finite number, got " + value);
            }
        }
    }

    /** NannyML's business value of confusion counts, or of expected ones. */
    public double valueOf(double truePositives, double falsePositives, double falseNegatives, double trueNegatives) {
        double predictedNegative = perPrediction ? trueNegatives + falseNegatives : 1.0;
        double predictedPositive = perPrediction ? truePositives + falsePositives : 1.0;
        return share(trueNegatives, predictedNegative) * trueNegative
                + share(falseNegatives, predictedNegative) * falseNegative
                + share(falsePositives, predictedPositive) * falsePositive
                + share(truePositives, predictedPositive) * truePositive;
    }

    // NannyML's nan_to_num after the division: a column with no prediction counts zero.
    private static double share(double cell, double column) {
        return column == 0 ? 0.0 : cell / column;
    }
}
