package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.FileQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.RankedProbabilities;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
public record PerformanceEstimation(CbpeModel model, String positiveClass, List<ChunkEstimate> chunks)
        implements EstimatedChunks {
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
        String prediction = request.columns().prediction();
        String score = requireNonNull(request.columns().scores().unclassedColumn(), "one unclassed score column");
        new OutcomeColumns(prediction, null, request.columns().scores()).requireIn(current, columnsOf(current));
        CbpeModel model = ReferenceFit.model(ReferenceFit.fit(request, reference, referenceLayout,
                realized.referenceChunks()), request);
        String positive = model.reference().positiveClass();
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

    @Override
    public List<EstimatedMetric> metrics() {
        return Arrays.stream(EstimatedMetric.values()).filter(metric -> metric.binary()
                && (metric != EstimatedMetric.BUSINESS_VALUE || model.businessValue() != null)).toList();
    }

    @Override
    public Map<EstimatedMetric, MetricBand> thresholds() {
        return model.thresholds();
    }

    @Override
    public String headline() {
        boolean calibrated = model.reference().calibrationCheck().needed();
        return "CBPE from the scores of class " + positiveClass + (calibrated ? ", calibrated" : ", uncalibrated")
                + "; estimate (realized where labelled); thresholds: mean -/+ 3 standard deviations of the realized"
                + " metric over the reference's chunks; informs, never changes the exit code";
    }

    static List<String> columnsOf(Path file) throws BadInputException {
        try (RowReader rows = RowReader.open(file)) {
            return rows.columns();
        }
    }
}
