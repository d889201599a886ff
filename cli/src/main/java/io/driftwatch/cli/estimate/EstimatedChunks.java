package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.EstimatedMetric;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code check}'s estimated performance per chunk of the current file, binary ({@link PerformanceEstimation}) or
 * multiclass ({@link MulticlassPerformanceEstimation}), as the JSON, table and HTML reports render it.
 */
public sealed interface EstimatedChunks permits PerformanceEstimation, MulticlassPerformanceEstimation {

    /**
     * The estimation the request's score columns ask for: multiclass for one column per class of three or more
     * classes, else binary.
     *
     * @throws BadInputException as {@link PerformanceEstimation#of} and {@link MulticlassPerformanceEstimation#of}
     */
    static EstimatedChunks of(QualityRequest request, Path reference, Path current, ChunkLayout currentLayout,
                              ChunkLayout referenceLayout, ChunkQuality realized) throws BadInputException {
        return MulticlassReferenceFit.applies(request)
                ? MulticlassPerformanceEstimation.of(request, reference, current, currentLayout, referenceLayout, realized)
                : PerformanceEstimation.of(request, reference, current, currentLayout, referenceLayout, realized);
    }

    /** Each chunk of the current file's estimates, in order. */
    List<ChunkEstimate> chunks();

    /** The metrics estimated, in the reports' order. */
    List<EstimatedMetric> metrics();

    /** Each metric's thresholds from the reference's chunks. */
    Map<EstimatedMetric, MetricBand> thresholds();

    /** What was estimated and how, in one line for the table and HTML reports. */
    String headline();
}
