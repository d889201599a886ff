package io.driftwatch.stats.quality;

import io.driftwatch.stats.arithmetic.ExactSum;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mergeable sums behind a regressor's quality, with scikit-learn's definitions: MAE, RMSE (the square root
 * of the mean squared error), MAPE (|y - p| / max(|y|, eps), eps the double's machine epsilon, so a true
 * value of 0 gives a huge term, as in scikit-learn; returned as a fraction, not a percentage) and the mean
 * error p - y (positive when the model over-predicts). The sums are exact ({@link ExactSum}), so a different split
 * or merge order gives the same metrics, bit for bit. Not thread-safe.
 */
public final class RegressionTally {
    private long count;
    private final ExactSum absoluteErrorSum = new ExactSum();
    private final ExactSum squaredErrorSum = new ExactSum();
    private final ExactSum absolutePercentageErrorSum = new ExactSum();
    private final ExactSum errorSum = new ExactSum();

    void add(double predicted, double actual) {
        double error = predicted - actual;
        count++;
        absoluteErrorSum.add(Math.abs(error));
        squaredErrorSum.add(error * error);
        absolutePercentageErrorSum.add(Math.abs(error) / Math.max(Math.abs(actual), ClassificationTally.EPS));
        errorSum.add(error);
    }

    void merge(RegressionTally other) {
        count += other.count;
        absoluteErrorSum.addAll(other.absoluteErrorSum);
        squaredErrorSum.addAll(other.squaredErrorSum);
        absolutePercentageErrorSum.addAll(other.absolutePercentageErrorSum);
        errorSum.addAll(other.errorSum);
    }

    public long count() {
        return count;
    }

    /** mae, rmse, mape and mean_error; empty without pairs. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (count == 0) {
            return metrics;
        }
        metrics.put("mae", absoluteErrorSum.value() / count);
        metrics.put("rmse", Math.sqrt(squaredErrorSum.value() / count));
        metrics.put("mape", absolutePercentageErrorSum.value() / count);
        metrics.put("mean_error", errorSum.value() / count);
        return metrics;
    }

    /** |error|, error², |error| / max(|y|, eps) and error, summed: the byte form's order. */
    ExactSum[] sums() {
        return new ExactSum[] {absoluteErrorSum, squaredErrorSum, absolutePercentageErrorSum, errorSum};
    }

    static RegressionTally of(long count, ExactSum[] sums) {
        RegressionTally tally = new RegressionTally();
        tally.count = count;
        ExactSum[] own = tally.sums();
        for (int i = 0; i < own.length; i++) {
            own[i].addAll(sums[i]);
        }
        return tally;
    }
}
