package io.driftwatch.stats.calibration;

import java.util.Optional;

/**
 * The band a performance metric of a chunk is expected to stay in, as NannyML sets it for realized performance:
 * the mean plus or minus 3 standard deviations (ddof 0) of the metric over the reference's chunks, clipped to the
 * values the metric can take (a band for accuracy never reaches below 0 or above 1). A chunk outside it alerts, on
 * either side: a model suddenly better than its reference is as much a sign that something changed.
 *
 * @param lower the lowest value that does not alert
 * @param upper the highest value that does not alert
 */
public record MetricBand(double lower, double upper) {
    /** NannyML's multiplier of the standard deviation. */
    public static final double STANDARD_DEVIATIONS = 3;

    public MetricBand {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("a band's lower limit " + lower + " must not exceed its upper " + upper);
        }
    }

    /**
     * @param referenceChunkValues the metric on each reference chunk; values that are not numbers (a chunk without the
     *                             figure) are left out, as NumPy's {@code nanmean} and {@code nanstd} leave them
     * @param lowest               the smallest value the metric can take
     * @param highest              the largest value the metric can take
     * @return the band, or empty when no reference chunk has the metric
     */
    public static Optional<MetricBand> of(double[] referenceChunkValues, double lowest, double highest) {
        return StandardDeviationBand.of(referenceChunkValues).map(band -> new MetricBand(
                Math.max(lowest, band.mean() - STANDARD_DEVIATIONS * band.standardDeviation()),
                Math.min(highest, band.upper(STANDARD_DEVIATIONS))));
    }

    /** Whether {@code value} lies outside the band (strictly, as NannyML compares). */
    public boolean alerts(double value) {
        return value < lower || value > upper;
    }
}
