package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.Chunker;
import io.driftwatch.cli.multivariate.Features;
import io.driftwatch.cli.multivariate.ReferenceReconstruction;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.schemas.record.BaselineReconstruction;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.topology.multivariate.BaselineReconstructions;

import java.nio.file.Path;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code baseline --multivariate pca}: NannyML's PCA reconstruction fitted on the training file's features and scored
 * on its chunks, as the baseline stores it and the lines printed about it. The features are those
 * {@code check --multivariate pca} fits on the same file ({@link Features#of(Table, Set)}) and the fit is made by
 * {@code check}'s own path ({@link ReferenceReconstruction}), so the stream scores windows with exactly the fit and
 * thresholds {@code check} would judge chunks by.
 *
 * @param record  the fit as {@code Baseline.multivariate} holds it
 * @param summary the lines {@code baseline} prints about it ({@link ReconstructionSummary})
 */
public record StoredReconstruction(BaselineReconstruction record, String summary) {
    public StoredReconstruction {
        requireNonNull(record, "record");
        requireNonNull(summary, "summary");
    }

    /**
     * @param table       the file as {@code baseline} read it (declared types applied, excluded columns left out)
     * @param notFeatures the prediction, label and score columns
     * @param chunking    the options that cut the chunks, as typed ({@code --multivariate-chunks 10})
     * @throws BadInputException when the file has fewer rows than the chunks asked for, cannot be read, or the fit
     *                           refuses it (no feature, fewer than two rows, none that varies)
     */
    public static StoredReconstruction fit(Path input, Table table, Set<String> notFeatures, Chunker chunker,
                                           String chunking) throws BadInputException {
        if (chunker instanceof Chunker.Count count && table.rows() < count.count()) {
            throw new BadInputException(chunking + ": " + input + " has " + table.rows() + " rows, fewer than the"
                    + " chunks asked for; give at most " + table.rows() + " chunks");
        }
        Features features = Features.of(table, notFeatures);
        ReconstructionReference reference = ReferenceReconstruction.fit(features, input,
                chunker.layout(input, table.rows(), null));
        return new StoredReconstruction(BaselineReconstructions.toRecord(reference, chunking),
                ReconstructionSummary.render(reference, chunking));
    }
}
