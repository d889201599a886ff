package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.StandardDeviationBand;

import java.util.Optional;

/**
 * The alert thresholds of an estimated metric, NannyML's default {@code StandardDeviationThreshold}: the mean of
 * the metric's realized values on the reference chunks ± 3 standard deviations (ddof 0, chunks whose realized value
 * is not a number left out), each limit replaced by the metric's bound when it reaches past it
 * ({@code calculate_threshold_values}). An estimate alerts when it is below the lower or above the upper threshold.
 */
public record MetricThresholds(double lower, double upper) {
    /** NannyML's multiplier of the standard deviation. */
    public static final double STANDARD_DEVIATIONS = 3;

    /** The thresholds from the reference chunks' realized values; empty when no chunk has a value. */
    public static Optional<MetricThresholds> fromReferenceChunks(double[] realized, MetricRange range) {
        return StandardDeviationBand.of(realized).map(band -> new MetricThresholds(
                Math.max(band.upper(-STANDARD_DEVIATIONS), range.lowest()),
                Math.min(band.upper(STANDARD_DEVIATIONS), range.highest())));
    }

    /** Whether {@code estimate} is outside the thresholds. */
    public boolean alerts(double estimate) {
        return estimate < lower || estimate > upper;
    }
}
