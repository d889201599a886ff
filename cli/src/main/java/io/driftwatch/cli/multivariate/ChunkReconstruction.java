package io.driftwatch.cli.multivariate;

import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.stats.multivariate.ReconstructionThresholds;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One chunk's multivariate drift: its rows' reconstruction errors (the value is their mean, with its sampling error
 * and band) judged against the thresholds the reference's chunks set.
 *
 * @param index      the chunk's position, 0 first, as in {@code chunks[]}
 * @param errors     the chunk's rows' errors
 * @param thresholds the reference chunks' band; null when no reference chunk has a value
 */
public record ChunkReconstruction(int index, ReconstructionErrors errors, @Nullable MetricBand thresholds) {
    public ChunkReconstruction {
        requireNonNull(errors, "errors");
    }

    /** Whether the chunk's mean error lies outside the thresholds; never for a chunk without a value or thresholds. */
    public boolean alert() {
        return ReconstructionThresholds.alerts(thresholds, errors);
    }
}
