package io.driftwatch.stats.drift;

import org.jspecify.annotations.Nullable;

/**
 * The interval a sketch-based result is guaranteed to lie in (at the sketch's documented confidence):
 * the true statistic lies in [statisticLow, statisticHigh], and where the test has a p-value, the p-value
 * of the true statistic lies in [pValueLow, pValueHigh]. A verdict whose threshold falls inside the
 * interval is inconclusive rather than a guess.
 *
 * @param confidence probability that the bound holds, for example 0.99 for DataSketches' KLL rank error
 */
public record ErrorBound(double statisticLow, double statisticHigh,
                         @Nullable Double pValueLow, @Nullable Double pValueHigh,
                         double confidence) {
    public ErrorBound {
        if (!(statisticLow <= statisticHigh)) {
            throw new IllegalArgumentException("statisticLow " + statisticLow + " must not exceed statisticHigh " + statisticHigh);
        }
        if ((pValueLow == null) != (pValueHigh == null)) {
            throw new IllegalArgumentException("pValueLow and pValueHigh must both be present or both absent");
        }
        if (pValueLow != null && !(pValueLow <= pValueHigh)) {
            throw new IllegalArgumentException("pValueLow " + pValueLow + " must not exceed pValueHigh " + pValueHigh);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1], got " + confidence);
        }
    }

    /** Half the width of the statistic's interval: the "plus or minus" a report shows. */
    public double statisticHalfWidth() {
        return (statisticHigh - statisticLow) / 2;
    }
}
