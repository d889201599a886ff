package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.produce.ImpliedPositiveClass;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.FileQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.stats.estimate.BusinessValue;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.EstimationRefusedException;
import io.driftwatch.stats.quality.ClassName;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The one fit of CBPE on a labelled reference file, shared by {@code check --estimate-performance} and
 * {@code baseline --estimate-performance}: the same rows, chunks, positive class and realized ranking metrics give
 * the same {@link CbpeReference}, so a baseline stores exactly the fit {@code check} makes on its file, and the stream
 * estimates its windows as {@code check} estimates its chunks. Stateless.
 */
public final class ReferenceFit {
    private ReferenceFit() {
    }

    /**
     * Fits on {@code reference} cut as {@code referenceLayout}, reading the realized quality of each chunk first.
     *
     * @throws BadInputException as {@link #fit}
     */
    public static CbpeReference fit(QualityRequest request, Path reference, ChunkLayout referenceLayout)
            throws BadInputException {
        return fit(request, reference, referenceLayout, FileQuality.ofChunks(reference, request, referenceLayout.rows()));
    }

    /**
     * @param request                 the quality asked for; its score columns are one unclassed column, the positive
     *                                class's probability
     * @param referenceLayout         the reference's chunks
     * @param realizedReferenceChunks each reference chunk's realized quality, in the chunks' order: their ROC AUC and
     *                                average precision set the thresholds of the estimated ones
     * @throws BadInputException when the reference has no label column, a column is missing, a score is not a
     *                           probability in [0, 1], or the labelled rows cannot support an estimate (one class, too few)
     */
    public static CbpeReference fit(QualityRequest request, Path reference, ChunkLayout referenceLayout,
                                    List<FileQuality> realizedReferenceChunks) throws BadInputException {
        String label = request.labelColumn();
        String score = requireNonNull(request.columns().scores().unclassedColumn(), "one unclassed score column");
        requireReferenceLabels(reference, request);
        String positive = request.positiveClass() != null ? ClassName.ofTyped(request.positiveClass())
                : ImpliedPositiveClass.of(reference, label, "the labels", "--score-column " + score);
        List<ChunkOutcomes> referenceChunks = ChunkOutcomeReader.read(reference, request.columns().prediction(), score,
                label, positive, referenceLayout.rows());
        try {
            return CbpeReference.fit(positive, referenceChunks, realized(realizedReferenceChunks, EstimatedMetric.ROC_AUC,
                    request), realized(realizedReferenceChunks, EstimatedMetric.AVERAGE_PRECISION, request));
        } catch (EstimationRefusedException e) {
            throw new BadInputException("--estimate-performance cannot be fitted on " + reference + ": " + e.getMessage(), e);
        }
    }

    /** CBPE ready to estimate from {@code reference}, with the request's business value when it has one. */
    public static CbpeModel model(CbpeReference reference, QualityRequest request) {
        BusinessValue businessValue = request.businessValue() == null ? null
                : new BusinessValue(request.businessValue(), false);
        return new CbpeModel(reference, businessValue);
    }

    private static double[] realized(List<FileQuality> chunks, EstimatedMetric metric, QualityRequest request) {
        return chunks.stream().mapToDouble(chunk -> ChunkQuality.valueOf(chunk, metric.metricName(), request)).toArray();
    }

    static void requireReferenceLabels(Path reference, QualityRequest request) throws BadInputException {
        List<String> columns = PerformanceEstimation.columnsOf(reference);
        if (!columns.contains(request.labelColumn())) {
            throw new BadInputException("--estimate-performance fits on the reference's true labels, but " + reference
                    + " has no column '" + request.labelColumn() + "' (--labels); give a labelled reference");
        }
        request.columns().requireIn(reference, columns);
    }
}
