package io.driftwatch.stats.quality;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The quality of one model version over one window, as reported: counts, coverage, metrics, per-class
 * detail, the label delay distribution and per-segment metrics.
 *
 * @param predictions               predictions made in the window
 * @param labelled                  of those, how many were joined to a label
 * @param unlabelled                of those, how many saw no label within the maximum delay (so far)
 * @param duplicateLabels           labels that repeated an already joined request id, counted once
 * @param unmatchedLabels           labels of the model, with event time in the window, that found no prediction
 * @param labelCoverage             labelled / predictions, 0 for no predictions
 * @param labelDelayQuantilesMillis p50, p90, p99 and max of label minus prediction event time (KLL, k = 200:
 *                                  rank error about 1.3% at 99% confidence); empty without labels
 * @param binary                    the confusion matrix seen from the positive class, for a binary model; null
 *                                  otherwise ({@link ClassificationTally#binary})
 */
public record QualitySummary(TaskKind task, long predictions, long labelled, long unlabelled, long duplicateLabels,
                             long unmatchedLabels, double labelCoverage, Map<String, Double> metrics,
                             List<ClassMetrics> perClass, List<ConfusionCount> confusion,
                             Map<String, Double> labelDelayQuantilesMillis, List<SegmentQuality> segments,
                             @Nullable BinaryConfusion binary) {
    public QualitySummary {
        requireNonNull(task, "task");
        metrics = Map.copyOf(metrics);
        perClass = List.copyOf(perClass);
        confusion = List.copyOf(confusion);
        labelDelayQuantilesMillis = Map.copyOf(labelDelayQuantilesMillis);
        segments = List.copyOf(segments);
    }

    /** This summary with {@code value} under {@code name} in its metrics, replacing any value of that name. */
    public QualitySummary withMetric(String name, double value) {
        requireNonNull(name, "name");
        Map<String, Double> withValue = new HashMap<>(metrics);
        withValue.put(name, value);
        return new QualitySummary(task, predictions, labelled, unlabelled, duplicateLabels, unmatchedLabels, labelCoverage,
                withValue, perClass, confusion, labelDelayQuantilesMillis, segments, binary);
    }
}
