package io.driftwatch.cli.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.ConfidenceBand;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One metric's estimate on one chunk, with what a reader needs to trust it or act on it: how far chance alone could
 * move it on a chunk of this size, the thresholds it is judged by, and, once the chunk's labels are in, the realized
 * value, which says how good the estimate was.
 *
 * @param value         the estimate; NaN when the chunk gives none (precision of a chunk with no positive prediction)
 * @param samplingError NannyML's standard error of the estimate on the chunk's rows
 * @param band          the estimate −/+ 3 sampling errors, clipped to the metric's range
 * @param thresholds    the metric's thresholds from the reference's chunks; null when the reference gives none
 * @param realized      the metric on the chunk's labelled rows; NaN when it has none
 */
public record MetricEstimate(double value, double samplingError, ConfidenceBand band, @Nullable MetricBand thresholds,
                             double realized) {
    public MetricEstimate {
        requireNonNull(band, "band");
    }

    /** Whether the estimate lies outside its thresholds, as NannyML alerts. */
    public boolean alert() {
        return thresholds != null && !Double.isNaN(value) && thresholds.alerts(value);
    }
}
