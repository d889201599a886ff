package io.driftwatch.stats.multivariate;

import io.driftwatch.stats.calibration.MetricBand;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The alert band for a window's mean reconstruction error, as NannyML's {@code StandardDeviationThreshold} sets it:
 * the mean ± 3 standard deviations (ddof 0) of the reference chunks' values, the lower limit clipped at 0 and no cap
 * above. NannyML drops a lower threshold at or below 0 instead of clipping it; as an error is never negative, both
 * alert on the same chunks.
 */
public final class ReconstructionThresholds {
    private ReconstructionThresholds() {
    }

    /**
     * @param referenceChunkValues each reference chunk's {@link ReconstructionErrors#value()}; NaN ones are left out
     * @return the band, or empty when no reference chunk has a value
     */
    public static Optional<MetricBand> of(double[] referenceChunkValues) {
        return MetricBand.of(referenceChunkValues, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * Whether a window's or chunk's mean error lies outside {@code thresholds}: never for one without rows or without
     * thresholds.
     */
    public static boolean alerts(@Nullable MetricBand thresholds, ReconstructionErrors errors) {
        return thresholds != null && errors.count() > 0 && thresholds.alerts(errors.value());
    }
}
