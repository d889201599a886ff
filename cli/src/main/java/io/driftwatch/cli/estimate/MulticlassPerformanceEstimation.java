package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.FileQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MulticlassCbpeModel;
import io.driftwatch.stats.estimate.MulticlassChunkOutcomes;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The estimated performance of each chunk of the current file for a multiclass classifier: NannyML's CBPE fitted on
 * the labelled reference ({@link MulticlassCbpeModel}) and applied to each chunk's per-class scores and predicted
 * classes, each row calibrated and normalised as the fit says and added to the chunk's {@link OneVsRestWindow}, the
 * state the stream keeps per window. Labels are only shown beside the estimates; the exit code stays the drift
 * verdict's.
 *
 * @param model  the fit on the reference
 * @param chunks each chunk of the current file's estimates, in order
 */
public record MulticlassPerformanceEstimation(MulticlassCbpeModel model, List<ChunkEstimate> chunks)
        implements EstimatedChunks {
    public MulticlassPerformanceEstimation {
        requireNonNull(model, "model");
        chunks = List.copyOf(chunks);
    }

    /**
     * @param request  the quality asked for; its score columns are one per class
     * @param realized the chunks' realized quality: the reference's macro ROC AUC sets the thresholds of the estimated
     *                 one, the current chunks' metrics are shown beside the estimates
     * @throws BadInputException as {@link MulticlassReferenceFit#fit}, and for the current file's columns and scores
     */
    public static MulticlassPerformanceEstimation of(QualityRequest request, Path reference, Path current,
                                                     ChunkLayout currentLayout, ChunkLayout referenceLayout,
                                                     ChunkQuality realized) throws BadInputException {
        String prediction = request.columns().prediction();
        new OutcomeColumns(prediction, null, request.columns().scores()).requireIn(current,
                PerformanceEstimation.columnsOf(current));
        MulticlassCbpeModel model = new MulticlassCbpeModel(MulticlassReferenceFit.fit(request, reference,
                referenceLayout, realized.referenceChunks()));
        List<MulticlassChunkOutcomes> currentChunks = MulticlassOutcomeReader.read(current, prediction,
                request.columns().scores().columnsByClass(), model.reference().classes(), null, currentLayout.rows());
        List<ChunkEstimate> estimates = new ArrayList<>();
        for (int chunk = 0; chunk < currentChunks.size(); chunk++) {
            FileQuality quality = chunk < realized.chunks().size() ? realized.chunks().get(chunk) : null;
            estimates.add(estimate(chunk, currentChunks.get(chunk), model, quality, request));
        }
        return new MulticlassPerformanceEstimation(model, estimates);
    }

    private static ChunkEstimate estimate(int index, MulticlassChunkOutcomes rows, MulticlassCbpeModel model,
                                          @Nullable FileQuality quality, QualityRequest request) {
        OneVsRestWindow window = new OneVsRestWindow(model.reference().classes().size(),
                ProbabilityRanking.DEFAULT_DISTINCT_MAX);
        for (int row = 0; row < rows.size(); row++) {
            window.add(model.calibrate(rows.scores(row)), rows.predicted(row));
        }
        return new ChunkEstimate(index, rows.size(), model.estimate(window, metric -> quality == null
                ? Double.NaN : ChunkQuality.valueOf(quality, metric.metricName(), request)));
    }

    @Override
    public List<EstimatedMetric> metrics() {
        return Arrays.stream(EstimatedMetric.values()).filter(EstimatedMetric::multiclass).toList();
    }

    @Override
    public Map<EstimatedMetric, MetricBand> thresholds() {
        return model.thresholds();
    }

    @Override
    public String headline() {
        boolean[] needed = model.reference().calibration().calibrationNeeded();
        List<String> calibrated = new ArrayList<>();
        for (int c = 0; c < needed.length; c++) {
            if (needed[c]) {
                calibrated.add(model.reference().classes().get(c));
            }
        }
        return "multiclass CBPE from the scores of classes " + String.join(", ", model.reference().classes())
                + (calibrated.isEmpty() ? ", uncalibrated" : ", calibrated for " + String.join(", ", calibrated))
                + ", normalised per row; estimate (realized where labelled); thresholds: mean -/+ 3 standard deviations"
                + " of the realized metric over the reference's chunks; informs, never changes the exit code";
    }
}
