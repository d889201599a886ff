package io.driftwatch.topology.multivariate;

import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.ConfidenceBand;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.stats.multivariate.ReconstructionThresholds;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * A closed window's multivariate drift for its report: the errors of its inferences scored with the baseline's fit,
 * their mean with its sampling error and band, judged against the thresholds of the baseline's reference chunks by the
 * rule {@code check} judges a chunk by. Inferences scored with an earlier baseline's fit (one replaced while the window
 * was open) are counted beside it, not mixed in: their errors are distances in another fit's space.
 */
public final class MultivariateDriftRecords {
    /** The method a report names. */
    public static final String METHOD = "pca_reconstruction_error";

    private MultivariateDriftRecords() {
    }

    /**
     * @param baselineId      the baseline the window is judged against
     * @param reference       its fit and reference chunks
     * @param errorsByFit     the window's errors by the id of the baseline whose fit scored them
     */
    public static MultivariateDrift of(String baselineId, ReconstructionReference reference,
                                       Map<String, ReconstructionErrors> errorsByFit) {
        ReconstructionErrors errors = errorsByFit.getOrDefault(baselineId, ReconstructionErrors.empty());
        long earlier = errorsByFit.entrySet().stream().filter(entry -> !entry.getKey().equals(baselineId))
                .mapToLong(entry -> entry.getValue().count()).sum();
        MetricBand thresholds = reference.thresholds().orElse(null);
        ConfidenceBand band = errors.confidenceBand();
        return MultivariateDrift.newBuilder()
                .setMethod(METHOD)
                .setFeatures(reference.fit().columnNames())
                .setRows(errors.count())
                .setRowsOfEarlierFits(earlier)
                .setValue(defined(errors.value()))
                .setSamplingError(defined(errors.samplingError()))
                .setLower(defined(band.lower()))
                .setUpper(defined(band.upper()))
                .setThresholdLower(thresholds == null ? null : thresholds.lower())
                .setThresholdUpper(thresholds == null ? null : thresholds.upper())
                .setAlert(ReconstructionThresholds.alerts(thresholds, errors))
                .build();
    }

    private static @Nullable Double defined(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
