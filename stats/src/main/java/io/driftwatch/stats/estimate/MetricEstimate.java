package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One metric's estimate on one chunk or window, with what a reader needs to trust it or act on it: how far chance
 * alone could move it on this many rows, how far a bounded window's state could move it, the thresholds it is judged
 * by, and, once the labels are in, the realized value, which says how good the estimate was.
 *
 * @param value         the estimate; NaN when the rows give none (precision of a chunk with no positive prediction)
 * @param samplingError NannyML's standard error of the estimate on the rows
 * @param errorBound    how far the estimate can be from the exact one because the window kept bounded state
 *                      ({@link RankingEstimate}); 0 when exact, NaN with an undefined estimate
 * @param band          the estimate −/+ 3 sampling errors, clipped to the metric's range
 * @param thresholds    the metric's thresholds from the reference's chunks; null when the reference gives none
 * @param realized      the metric on the labelled rows; NaN when there are none
 */
public record MetricEstimate(double value, double samplingError, double errorBound, ConfidenceBand band,
                             @Nullable MetricBand thresholds, double realized) {
    public MetricEstimate {
        requireNonNull(band, "band");
        if (errorBound < 0) {
            throw new IllegalArgumentException("errorBound must not be negative, got " + errorBound);
        }
    }

    /**
     * Whether the estimate lies outside its thresholds, as NannyML alerts, wherever within its error bound the exact
     * estimate lies.
     */
    public boolean alert() {
        return thresholds != null && !Double.isNaN(value)
                && (value + errorBound < thresholds.lower() || value - errorBound > thresholds.upper());
    }

    /** Whether the estimate is outside its thresholds but its error bound reaches back inside: no alert is raised. */
    public boolean inconclusive() {
        return thresholds != null && !Double.isNaN(value) && !alert() && thresholds.alerts(value);
    }
}
