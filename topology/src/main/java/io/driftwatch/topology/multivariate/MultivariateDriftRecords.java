package io.driftwatch.topology.multivariate;

import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.ConfidenceBand;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.stats.multivariate.ReconstructionThresholds;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
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

    /**
     * Which threshold an alerting window's error crossed: "PCA reconstruction error 1.54 above the upper threshold
     * 1.00", for the alert's title, the trigger's evidence and summary.
     *
     * @throws IllegalArgumentException when the window has no value or no thresholds (it cannot have alerted)
     */
    public static Crossed crossed(MultivariateDrift drift) {
        Double value = drift.getValue();
        Double lower = drift.getThresholdLower();
        Double upper = drift.getThresholdUpper();
        if (value == null || lower == null || upper == null) {
            throw new IllegalArgumentException("a window without a value or thresholds crossed none");
        }
        boolean below = value < lower;
        return new Crossed(value, below, below ? lower : upper);
    }

    /**
     * An alerting window's error and the threshold it crossed.
     *
     * @param below whether it fell below the lower threshold, rather than rose above the upper one
     */
    public record Crossed(double value, boolean below, double threshold) {
        /** "PCA reconstruction error 1.539 above the upper threshold 1.004". */
        public String describe() {
            return String.format(Locale.ROOT, "PCA reconstruction error %.4g %s the %s threshold %.4g", value,
                    below ? "below" : "above", below ? "lower" : "upper", threshold);
        }
    }
}
