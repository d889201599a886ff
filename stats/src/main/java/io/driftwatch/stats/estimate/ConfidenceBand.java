package io.driftwatch.stats.estimate;

/**
 * The band NannyML draws around an estimate: ± 3 sampling errors ({@code SAMPLING_ERROR_RANGE}), cut at the
 * metric's range, so a user sees how far the estimate could move by chance alone on a chunk of this size.
 */
public record ConfidenceBand(double lower, double upper) {
    /** NannyML's multiplier of the sampling error. */
    public static final double SAMPLING_ERRORS = 3;

    /** The band around {@code estimate} with standard error {@code samplingError}. */
    public static ConfidenceBand around(double estimate, double samplingError, MetricRange range) {
        return new ConfidenceBand(Math.max(range.lowest(), estimate - SAMPLING_ERRORS * samplingError),
                Math.min(range.highest(), estimate + SAMPLING_ERRORS * samplingError));
    }
}
