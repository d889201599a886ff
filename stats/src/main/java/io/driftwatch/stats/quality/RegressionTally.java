package io.driftwatch.stats.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mergeable sums behind a regressor's quality, with scikit-learn's definitions: MAE, RMSE (the square root
 * of the mean squared error), MAPE (|y - p| / max(|y|, eps), eps the double's machine epsilon, so a true
 * value of 0 gives a huge term, as in scikit-learn; returned as a fraction, not a percentage) and the mean
 * error p - y (positive when the model over-predicts). Sums are plain doubles: a different merge order can
 * change the last bits. Not thread-safe.
 */
public final class RegressionTally {
    private long count;
    private double absoluteErrorSum;
    private double squaredErrorSum;
    private double absolutePercentageErrorSum;
    private double errorSum;

    void add(double predicted, double actual) {
        double error = predicted - actual;
        count++;
        absoluteErrorSum += Math.abs(error);
        squaredErrorSum += error * error;
        absolutePercentageErrorSum += Math.abs(error) / Math.max(Math.abs(actual), ClassificationTally.EPS);
        errorSum += error;
    }

    void merge(RegressionTally other) {
        count += other.count;
        absoluteErrorSum += other.absoluteErrorSum;
        squaredErrorSum += other.squaredErrorSum;
        absolutePercentageErrorSum += other.absolutePercentageErrorSum;
        errorSum += other.errorSum;
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
        metrics.put("mae", absoluteErrorSum / count);
        metrics.put("rmse", Math.sqrt(squaredErrorSum / count));
        metrics.put("mape", absolutePercentageErrorSum / count);
        metrics.put("mean_error", errorSum / count);
        return metrics;
    }

    double[] sums() {
        return new double[] {absoluteErrorSum, squaredErrorSum, absolutePercentageErrorSum, errorSum};
    }

    static RegressionTally of(long count, double[] sums) {
        RegressionTally tally = new RegressionTally();
        tally.count = count;
        tally.absoluteErrorSum = sums[0];
        tally.squaredErrorSum = sums[1];
        tally.absolutePercentageErrorSum = sums[2];
        tally.errorSum = sums[3];
        return tally;
    }
}
