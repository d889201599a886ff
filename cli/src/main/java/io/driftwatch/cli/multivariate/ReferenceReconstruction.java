package io.driftwatch.cli.multivariate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.stats.multivariate.FeatureTable;
import io.driftwatch.stats.multivariate.ReconstructionFit;
import io.driftwatch.stats.multivariate.ReconstructionFitter;
import io.driftwatch.stats.multivariate.ReconstructionReference;

import java.nio.file.Path;

/**
 * NannyML's PCA reconstruction fitted on a whole reference file's features and scored on the file's chunks: what
 * {@code check --multivariate pca} judges its current chunks against and {@code baseline --multivariate pca} stores
 * for the stream. One path for both, so a baseline's fit and thresholds are, number for number, those {@code check}
 * makes on the same file cut the same way. The file is read twice (whole, then by chunk), holding a value per row
 * and feature.
 */
public final class ReferenceReconstruction {
    private ReferenceReconstruction() {
    }

    /**
     * @param layout which chunk each of the file's rows falls in
     * @throws BadInputException when the file cannot be read or the fit refuses it (no feature, fewer than two rows,
     *                           a feature without a value, none that varies), naming the file and the reason
     */
    public static ReconstructionReference fit(Features features, Path reference, ChunkLayout layout)
            throws BadInputException {
        FeatureTable wholeReference = ChunkFeatureReader.read(reference, features, new RowChunks(1, row -> 0)).get(0);
        ReconstructionFit fit;
        try {
            fit = ReconstructionFitter.fit(wholeReference);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--multivariate pca cannot be fitted on " + reference + ": " + e.getMessage(), e);
        }
        try {
            return ReconstructionReference.of(fit, ChunkFeatureReader.read(reference, features, layout.rows()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--multivariate pca cannot score " + reference + ": " + e.getMessage(), e);
        }
    }
}
