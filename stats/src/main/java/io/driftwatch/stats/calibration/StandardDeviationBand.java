package io.driftwatch.stats.calibration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The mean and the population standard deviation (ddof 0) of a statistic over chunks, the values that are not
 * numbers left out: NannyML's {@code StandardDeviationThreshold} sets its limits at the mean plus or minus a
 * multiple of this spread, and {@link NannyMlThresholds} needs exactly those numbers to reproduce its alerts.
 *
 * @param count how many finite values the band was computed from
 */
public record StandardDeviationBand(double mean, double standardDeviation, int count) {

    /** The band of the finite values of {@code statistics}; empty when there is none. */
    public static Optional<StandardDeviationBand> of(double[] statistics) {
        double[] finite = Arrays.stream(statistics).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return Optional.empty();
        }
        double mean = Arrays.stream(finite).sum() / finite.length;
        double squaredDeviations = Arrays.stream(finite).map(value -> (value - mean) * (value - mean)).sum();
        return Optional.of(new StandardDeviationBand(mean, Math.sqrt(squaredDeviations / finite.length), finite.length));
    }

    /** {@code mean + multiplier * standardDeviation}. */
    public double upper(double multiplier) {
        return mean + multiplier * standardDeviation;
    }
}
