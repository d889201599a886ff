package io.driftwatch.stats.multivariate;

import io.driftwatch.stats.estimate.ConfidenceBand;
import io.driftwatch.stats.estimate.MetricRange;

/**
 * A window's or chunk's reconstruction errors reduced to the sums NannyML's chunk figures need: the count, the mean
 * (the chunk's value) and the sum of squared deviations from it, M2 (Welford), from which the sampling error
 * {@code std(ddof=1) / √n} follows. Two states merge exactly by Chan et al.'s parallel formula, so partial windows
 * from several stream partitions or chunks of a batch combine into the state all their rows would give, to rounding.
 *
 * @param count how many rows were scored
 * @param mean  their mean error, NaN while empty
 * @param m2    the sum of their squared deviations from {@code mean}, 0 while fewer than two
 */
public record ReconstructionErrors(long count, double mean, double m2) {
    private static final ReconstructionErrors EMPTY = new ReconstructionErrors(0, Double.NaN, 0);

    public ReconstructionErrors {
        if (count < 0 || (count > 0 && !(Double.isFinite(mean) && m2 >= 0))) {
            throw new IllegalArgumentException("a state of " + count + " errors cannot have mean " + mean + " and M2 " + m2);
        }
    }

    /** The state of no rows. */
    public static ReconstructionErrors empty() {
        return EMPTY;
    }

    /**
     * This state with one more row's {@code error}.
     *
     * @throws IllegalArgumentException when {@code error} is negative or not finite
     */
    public ReconstructionErrors plus(double error) {
        if (!(error >= 0 && error < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a reconstruction error is a finite distance, 0 or more; got " + error);
        }
        if (count == 0) {
            return new ReconstructionErrors(1, error, 0);
        }
        long updated = count + 1;
        double delta = error - mean;
        double updatedMean = mean + delta / (double) updated;
        return new ReconstructionErrors(updated, updatedMean, m2 + delta * (error - updatedMean));
    }

    /** The state of this state's rows and {@code other}'s together. */
    public ReconstructionErrors merge(ReconstructionErrors other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        double total = (double) count + (double) other.count;
        double delta = other.mean - mean;
        double mergedMean = mean + delta * ((double) other.count / total);
        double mergedM2 = m2 + other.m2 + delta * delta * ((double) count * (double) other.count / total);
        return new ReconstructionErrors(count + other.count, mergedMean, mergedM2);
    }

    /** The chunk's value: the mean reconstruction error, NaN for an empty chunk. */
    public double value() {
        return mean;
    }

    /** The standard error of {@link #value()}: {@code std(ddof=1) / √n}, NaN with fewer than two rows. */
    public double samplingError() {
        if (count < 2) {
            return Double.NaN;
        }
        return Math.sqrt(m2 / (double) (count - 1)) / Math.sqrt((double) count);
    }

    /** {@link #value()} ± 3 sampling errors, the lower bound cut at 0 as an error cannot be negative. */
    public ConfidenceBand confidenceBand() {
        return ConfidenceBand.around(value(), samplingError(), MetricRange.COUNT);
    }
}
