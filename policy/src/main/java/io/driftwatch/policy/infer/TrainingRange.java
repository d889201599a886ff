package io.driftwatch.policy.infer;

import io.driftwatch.stats.sample.SortedSample;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The range inferred for a numeric column: the training range widened by a tenth of its span on each side, rounded
 * outwards to two significant digits of the span (to whole numbers for a column of whole numbers), and never below 0 for a column with no negative value. Any value
 * beyond a bound is a finding, and of n training values about 2m / (n + 1) of a window of m fall outside their exact
 * range by chance alone, so the exact range would warn on most windows; the widened one still catches what the model
 * never saw the like of (a unit change, a sign flip, a sentinel such as -1 or 9999).
 *
 * @param min         the lower bound written
 * @param max         the upper bound written
 * @param observedMin the smallest training value
 * @param observedMax the largest training value
 */
record TrainingRange(double min, double max, double observedMin, double observedMax) {
    static final double HEADROOM_OF_SPAN = 0.1;

    static TrainingRange of(SortedSample values) {
        double low = values.min();
        double high = values.max();
        double span = high - low;
        if (!(span > 0)) {
            return new TrainingRange(low, high, low, high);
        }
        BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(span)) - 1);
        if (wholeNumbers(values) && step.compareTo(BigDecimal.ONE) < 0) {
            step = BigDecimal.ONE;
        }
        double headroom = span * HEADROOM_OF_SPAN;
        double min = outwards(low - headroom, step, RoundingMode.FLOOR);
        double max = outwards(high + headroom, step, RoundingMode.CEILING);
        return new TrainingRange(low >= 0 ? Math.max(0, min) : min, max, low, high);
    }

    /** Whether every value is a whole number. */
    static boolean wholeNumbers(SortedSample values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != Math.rint(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static double outwards(double bound, BigDecimal step, RoundingMode mode) {
        return BigDecimal.valueOf(bound).divide(step, 0, mode).multiply(step).doubleValue();
    }
}
