package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.produce.ImpliedPositiveClass;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.FileQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.stats.estimate.BusinessValue;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.EstimationRefusedException;
import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.RankedProbabilities;
import io.driftwatch.stats.quality.ClassName;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The estimated performance of each chunk of the current file, for the chunks whose labels have not arrived:
 * NannyML's CBPE of a binary classifier, fitted on the labelled reference ({@link CbpeModel}) and applied to
 * each chunk's calibrated scores and predictions. A chunk's labels, where it has them, are never used for its
 * estimate, only shown beside it. It informs and never decides: the exit code stays the drift verdict's.
 *
 * @param model         the fit on the reference
 * @param positiveClass the class the score is the probability of, as the reports spell it
 * @param chunks        each chunk of the current file's estimates, in order
 */
public record PerformanceEstimation(CbpeModel model, String positiveClass, List<ChunkEstimate> chunks) {
    public PerformanceEstimation {
        requireNonNull(model, "model");
        requireNonNull(positiveClass, "positiveClass");
        chunks = List.copyOf(chunks);
    }

    /**
     * @param request  the quality asked for; its score columns are one column of the positive class's probability
     * @param realized the chunks' realized quality: the reference's ranking metrics set the thresholds of the
     *                 estimated ones, the current chunks' are shown beside the estimates
     * @throws BadInputException when the reference has no labelled row, a column is missing, a score is not a
     *                           probability, or the reference cannot support an estimate (one class, too few rows)
     */
    public static PerformanceEstimation of(QualityRequest request, Path reference, Path current, ChunkLayout currentLayout,
                                           ChunkLayout referenceLayout, ChunkQuality realized) throws BadInputException {
        String label = request.labelColumn();
        String prediction = request.columns().prediction();
        String score = requireNonNull(request.columns().scores().unclassedColumn(), "one unclassed score column");
        requireReferenceLabels(reference, request);
        new OutcomeColumns(prediction, null, request.columns().scores()).requireIn(current, columnsOf(current));
        String positive = request.positiveClass() != null ? ClassName.ofTyped(request.positiveClass())
                : ImpliedPositiveClass.of(reference, label, "the labels", "--score-column " + score);
        List<ChunkOutcomes> referenceChunks = ChunkOutcomeReader.read(reference, prediction, score, label, positive,
                referenceLayout.rows());
        BusinessValue businessValue = request.businessValue() == null ? null
                : new BusinessValue(request.businessValue(), false);
        CbpeModel model;
        try {
            Map<EstimatedMetric, double[]> ranking = realizedRanking(realized);
            model = new CbpeModel(CbpeReference.fit(positive, referenceChunks,
                    requireNonNull(ranking.get(EstimatedMetric.ROC_AUC), "roc_auc"),
                    requireNonNull(ranking.get(EstimatedMetric.AVERAGE_PRECISION), "average_precision")), businessValue);
        } catch (EstimationRefusedException e) {
            throw new BadInputException("--estimate-performance cannot be fitted on " + reference + ": " + e.getMessage(), e);
        }
        List<ChunkOutcomes> currentChunks = ChunkOutcomeReader.read(current, prediction, score, null, positive,
                currentLayout.rows());
        List<ChunkEstimate> estimates = new ArrayList<>();
        for (int chunk = 0; chunk < currentChunks.size(); chunk++) {
            FileQuality quality = chunk < realized.chunks().size() ? realized.chunks().get(chunk) : null;
            estimates.add(estimate(chunk, currentChunks.get(chunk), model, quality, request));
        }
        return new PerformanceEstimation(model, positive, estimates);
    }

    private static ChunkEstimate estimate(int index, ChunkOutcomes rows, CbpeModel model,
                                          @Nullable FileQuality quality, QualityRequest request) {
        ExpectedConfusion confusion = ExpectedConfusion.EMPTY;
        RankedProbabilities ranked = new RankedProbabilities();
        for (int row = 0; row < rows.size(); row++) {
            double probability = model.reference().calibration().calibrate(rows.score(row));
            confusion = confusion.plus(probability, rows.predictedPositive(row));
            ranked.add(rows.score(row), probability);
        }
        return new ChunkEstimate(index, rows.size(), model.estimate(confusion, ranked, metric -> quality == null
                ? Double.NaN : ChunkQuality.valueOf(quality, metric.metricName(), request)));
    }

    private static Map<EstimatedMetric, double[]> realizedRanking(ChunkQuality realized) {
        Map<EstimatedMetric, double[]> ranking = new EnumMap<>(EstimatedMetric.class);
        for (EstimatedMetric metric : List.of(EstimatedMetric.ROC_AUC, EstimatedMetric.AVERAGE_PRECISION)) {
            ranking.put(metric, realized.referenceChunks().stream()
                    .mapToDouble(chunk -> ChunkQuality.valueOf(chunk, metric.metricName(), realized.request())).toArray());
        }
        return ranking;
    }

    private static void requireReferenceLabels(Path reference, QualityRequest request) throws BadInputException {
        List<String> columns = columnsOf(reference);
        if (!columns.contains(request.labelColumn())) {
            throw new BadInputException("--estimate-performance fits on the reference's true labels, but " + reference
                    + " has no column '" + request.labelColumn() + "' (--labels); give a labelled reference");
        }
        request.columns().requireIn(reference, columns);
    }

    private static List<String> columnsOf(Path file) throws BadInputException {
        try (RowReader rows = RowReader.open(file)) {
            return rows.columns();
        }
    }
}
