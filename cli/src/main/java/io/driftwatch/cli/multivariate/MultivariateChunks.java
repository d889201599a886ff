package io.driftwatch.cli.multivariate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.multivariate.FeatureTable;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.stats.multivariate.ReconstructionFit;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code check --multivariate pca}: NannyML's PCA reconstruction error fitted on the whole reference's features,
 * computed on each chunk of the reference (their values set the thresholds) and of the current file (each judged
 * against them). It informs, as the estimated performance does: it never changes the exit code.
 *
 * @param features   the features fitted on, as {@code check} typed them
 * @param fit        the fit on the whole reference
 * @param thresholds the band from the reference's chunks; null when none has a value
 * @param chunks     each chunk of the current file, in order
 */
public record MultivariateChunks(Features features, ReconstructionFit fit, @Nullable MetricBand thresholds,
                                 List<ChunkReconstruction> chunks) {
    public MultivariateChunks {
        requireNonNull(features, "features");
        requireNonNull(fit, "fit");
        chunks = List.copyOf(chunks);
    }

    /**
     * Fits on {@code reference} and scores the chunks of both files.
     *
     * @throws BadInputException when a file cannot be read or the fit refuses the reference (no feature, no row, a
     *                           feature without a value, none that varies)
     */
    public static MultivariateChunks of(Features features, Path reference, Path current, ChunkLayout referenceLayout,
                                        ChunkLayout currentLayout) throws BadInputException {
        ReconstructionReference scored = ReferenceReconstruction.fit(features, reference, referenceLayout);
        ReconstructionFit fit = scored.fit();
        MetricBand thresholds = scored.thresholds().orElse(null);
        List<ChunkReconstruction> chunks = new ArrayList<>();
        List<FeatureTable> currentChunks = ChunkFeatureReader.read(current, features, currentLayout.rows());
        for (int chunk = 0; chunk < currentChunks.size(); chunk++) {
            chunks.add(new ChunkReconstruction(chunk, errors(fit, currentChunks.get(chunk), current), thresholds));
        }
        return new MultivariateChunks(features, fit, thresholds, chunks);
    }

    // A row whose scaled value overflows has no finite distance; the stats core refuses it rather than average it.
    private static ReconstructionErrors errors(ReconstructionFit fit, FeatureTable chunk, Path file)
            throws BadInputException {
        try {
            return fit.errorsOf(chunk);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--multivariate pca cannot score " + file + ": " + e.getMessage(), e);
        }
    }
}
