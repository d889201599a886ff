package io.driftwatch.policy;

import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.quality.QualityMetric;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * When retraining triggers are emitted. Each rule is empty where the policy is silent, and present with
 * {@code enabled} false where it says {@code off}.
 */
public record TriggersPolicy(Optional<DatasetDrift> datasetDrift, Optional<MultivariateDrift> multivariateDrift,
                             Optional<SchemaRule> schema, Optional<Quality> quality,
                             Optional<EstimatedQuality> estimatedQuality, Optional<Duration> cooldown) {
    public TriggersPolicy {
        requireNonNull(datasetDrift, "datasetDrift");
        requireNonNull(multivariateDrift, "multivariateDrift");
        requireNonNull(schema, "schema");
        requireNonNull(quality, "quality");
        requireNonNull(estimatedQuality, "estimatedQuality");
        requireNonNull(cooldown, "cooldown");
    }

    /**
     * A trigger when at least {@code share} of the compared features drift in {@code consecutive} windows in a row.
     */
    public record DatasetDrift(boolean enabled, OptionalDouble share, OptionalInt consecutive) {
    }

    /**
     * A trigger when the window's multivariate drift (PCA reconstruction error) alerts in {@code consecutive} windows
     * in a row (1 when not given).
     */
    public record MultivariateDrift(boolean enabled, OptionalInt consecutive) {
    }

    /** A trigger on a schema finding at least as severe as {@code minSeverity}. */
    public record SchemaRule(boolean enabled, Optional<Severity> minSeverity) {
    }

    /**
     * A trigger when {@code metric} is worse than {@code worseThan}, or worse than the baseline's by more than
     * {@code maxDrop}, in a window with at least {@code minLabels} labelled predictions.
     */
    public record Quality(boolean enabled, Optional<QualityMetric> metric, OptionalDouble worseThan,
                          OptionalDouble maxDrop, OptionalLong minLabels) {
    }

    /**
     * A trigger on a window's estimated performance, before its labels come: when the estimate of {@code metric}
     * is worse than {@code worseThan}, or ({@code onAlert}) below the lower threshold the reference's chunks set, in
     * a window with at least {@code minPredictions} estimated predictions.
     */
    public record EstimatedQuality(boolean enabled, Optional<EstimatedMetric> metric, OptionalDouble worseThan,
                                   Optional<Boolean> onAlert, OptionalLong minPredictions) {
    }
}
