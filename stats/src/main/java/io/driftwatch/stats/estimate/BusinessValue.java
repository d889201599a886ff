package io.driftwatch.stats.estimate;

import io.driftwatch.stats.quality.BusinessValueMatrix;

import static java.util.Objects.requireNonNull;

/**
 * Which business value an estimate reports: the value of each confusion cell ({@link BusinessValueMatrix}, the same
 * matrix the realized quality uses) and whether it is a chunk's total or NannyML's {@code 'per_prediction'} form.
 *
 * @param perPrediction NannyML's {@code normalize_business_value='per_prediction'}: each column of the (expected)
 *     confusion matrix divided by its sum, an empty column counting zero
 */
public record BusinessValue(BusinessValueMatrix matrix, boolean perPrediction) {
    public BusinessValue {
        requireNonNull(matrix, "matrix");
    }

    /** NannyML's business value of confusion counts, or of expected ones. */
    public double valueOf(double truePositives, double falsePositives, double falseNegatives, double trueNegatives) {
        return perPrediction ? matrix.perPrediction(truePositives, falsePositives, falseNegatives, trueNegatives)
                : matrix.total(truePositives, falsePositives, falseNegatives, trueNegatives);
    }
}
