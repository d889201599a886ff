package io.driftwatch.stats.multivariate;

import io.driftwatch.stats.calibration.MetricBand;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a window's multivariate drift is judged against, as {@code baseline --multivariate pca} stores it: the fit every
 * row is scored with and the reference chunks' mean errors, whose spread sets the thresholds. {@code check} judges its
 * chunks against the same two, so a window and a chunk of the same rows get the same verdict.
 *
 * @param fit    the PCA reconstruction fitted on the reference
 * @param chunks the reference's chunks, in order
 */
public record ReconstructionReference(ReconstructionFit fit, List<Chunk> chunks) {
    public ReconstructionReference {
        requireNonNull(fit, "fit");
        chunks = List.copyOf(requireNonNull(chunks, "chunks"));
    }

    /** The reference scored chunk by chunk with {@code fit}. */
    public static ReconstructionReference of(ReconstructionFit fit, List<FeatureTable> referenceChunks) {
        return new ReconstructionReference(fit, referenceChunks.stream()
                .map(chunk -> new Chunk(chunk.rowCount(), fit.errorsOf(chunk).value())).toList());
    }

    /** The band the reference chunks set; empty when none has a value. */
    public Optional<MetricBand> thresholds() {
        return ReconstructionThresholds.of(chunks.stream().mapToDouble(Chunk::value).toArray());
    }

    /**
     * One reference chunk.
     *
     * @param rows  its rows
     * @param value its mean reconstruction error, NaN for a chunk of no rows
     */
    public record Chunk(long rows, double value) {
        public Chunk {
            if (rows < 0) {
                throw new IllegalArgumentException("a chunk has 0 or more rows, got " + rows);
            }
        }
    }
}
