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
import io.driftwatch.stats.estimate.ConfidenceBand;
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
 * NannyML's CBPE of a binary classifier, fitted on the labelled reference ({@link EstimationModel}) and applied to
 * each chunk's calibrated scores and predictions. A chunk's labels, where it has them, are never used for its
 * estimate, only shown beside it. It informs and never decides: the exit code stays the drift verdict's.
 *
 * @param model         the fit on the reference
 * @param positiveClass the class the score is the probability of, as the reports spell it
 * @param chunks        each chunk of the current file's estimates, in order
 */
public record PerformanceEstimation(EstimationModel model, String positiveClass, List<ChunkEstimate> chunks) {
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
        EstimationModel model;
        try {
            model = EstimationModel.fit(referenceChunks, realizedRanking(realized), businessValue);
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

    private static ChunkEstimate estimate(int index, ChunkOutcomes rows, EstimationModel model,
                                          @Nullable FileQuality quality, QualityRequest request) {
        ExpectedConfusion confusion = ExpectedConfusion.EMPTY;
        RankedProbabilities ranked = new RankedProbabilities();
        for (int row = 0; row < rows.size(); row++) {
            double probability = model.calibration().calibrate(rows.score(row));
            confusion = confusion.plus(probability, rows.predictedPositive(row));
            ranked.add(rows.score(row), probability);
        }
        Map<EstimatedMetric, MetricEstimate> estimates = new EnumMap<>(EstimatedMetric.class);
        long n = rows.size();
        if (n == 0) {
            return new ChunkEstimate(index, 0, estimates);
        }
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            BusinessValue businessValue = model.businessValue();
            if (metric == EstimatedMetric.BUSINESS_VALUE && businessValue == null) {
                continue;
            }
            double value = switch (metric) {
                case ACCURACY -> confusion.accuracy();
                case PRECISION -> confusion.precision();
                case RECALL -> confusion.recall();
                case SPECIFICITY -> confusion.specificity();
                case F1 -> confusion.f1();
                case ROC_AUC -> ranked.rocAuc();
                case AVERAGE_PRECISION -> ranked.averagePrecision();
                case BUSINESS_VALUE -> confusion.businessValue(requireNonNull(businessValue, "businessValue"));
            };
            double error = switch (metric) {
                case ACCURACY -> model.samplingErrors().accuracy(n);
                case PRECISION -> model.samplingErrors().precision(n);
                case RECALL -> model.samplingErrors().recall(n);
                case SPECIFICITY -> model.samplingErrors().specificity(n);
                case F1 -> model.samplingErrors().f1(n);
                case ROC_AUC -> model.samplingErrors().rocAuc(n);
                case AVERAGE_PRECISION -> model.averagePrecisionError().standardError(n);
                case BUSINESS_VALUE -> model.samplingErrors().businessValue(
                        requireNonNull(businessValue, "businessValue"), n);
            };
            double realizedValue = quality == null ? Double.NaN
                    : ChunkQuality.valueOf(quality, metric.metricName(), request);
            estimates.put(metric, new MetricEstimate(value, error, ConfidenceBand.around(value, error, metric.range()),
                    model.thresholds().get(metric), realizedValue));
        }
        return new ChunkEstimate(index, rows.size(), estimates);
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
