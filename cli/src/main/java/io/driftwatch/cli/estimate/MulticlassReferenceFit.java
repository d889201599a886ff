package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.FileQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.EstimationRefusedException;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.estimate.MulticlassChunkOutcomes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one fit of multiclass CBPE on a labelled reference file, shared by {@code check --estimate-performance} and
 * {@code baseline --estimate-performance} as {@link ReferenceFit} is for a binary model: the same rows, chunks and
 * realized macro ROC AUC give the same {@link MulticlassCbpeReference}. The classes are the score columns' classes,
 * sorted as text (NannyML sorts the class labels). Stateless.
 */
public final class MulticlassReferenceFit {
    private MulticlassReferenceFit() {
    }

    /** Whether the request's score columns are one per class of a multiclass model (three or more, each named). */
    public static boolean applies(QualityRequest request) {
        return request.columns().scores().columnsByClass().size() >= EstimationScores.MULTICLASS_MIN;
    }

    /** The classes, in the fit's order. */
    public static List<String> classes(QualityRequest request) {
        return request.columns().scores().columnsByClass().keySet().stream().sorted().toList();
    }

    /**
     * Fits on {@code reference} cut as {@code referenceLayout}, reading the realized quality of each chunk first.
     *
     * @throws BadInputException as {@link #fit(QualityRequest, Path, ChunkLayout, List)}
     */
    public static MulticlassCbpeReference fit(QualityRequest request, Path reference, ChunkLayout referenceLayout)
            throws BadInputException {
        return fit(request, reference, referenceLayout,
                FileQuality.ofChunks(reference, request, referenceLayout.rows()));
    }

    /**
     * @param realizedReferenceChunks each reference chunk's realized quality, in order: their macro ROC AUC sets the
     *                                thresholds of the estimated one
     * @throws BadInputException when the reference has no label column, a column is missing, a score is not a
     *                           probability, a label or prediction has no score column, or the labelled rows cannot
     *                           support an estimate (a class without rows, too few rows)
     */
    public static MulticlassCbpeReference fit(QualityRequest request, Path reference, ChunkLayout referenceLayout,
                                              List<FileQuality> realizedReferenceChunks) throws BadInputException {
        ReferenceFit.requireReferenceLabels(reference, request);
        List<String> classes = classes(request);
        Map<String, String> columns = request.columns().scores().columnsByClass();
        List<MulticlassChunkOutcomes> chunks = MulticlassOutcomeReader.read(reference, request.columns().prediction(),
                columns, classes, request.labelColumn(), referenceLayout.rows());
        double[] rocAuc = realizedReferenceChunks.stream().mapToDouble(chunk ->
                ChunkQuality.valueOf(chunk, EstimatedMetric.ROC_AUC.metricName(), request)).toArray();
        try {
            return MulticlassCbpeReference.fit(classes, chunks, rocAuc);
        } catch (EstimationRefusedException e) {
            throw new BadInputException("--estimate-performance cannot be fitted on " + reference + ": " + e.getMessage(), e);
        }
    }
}
