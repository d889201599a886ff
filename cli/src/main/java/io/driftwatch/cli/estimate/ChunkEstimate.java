package io.driftwatch.cli.estimate;

import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.MetricEstimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The estimated performance of one chunk of the current file.
 *
 * @param index     the chunk's index, as the drift report numbers it
 * @param rows      the rows with a prediction and a score, the ones the estimate is made of
 * @param estimates each metric's estimate; empty when the chunk has no such row
 */
public record ChunkEstimate(int index, int rows, Map<EstimatedMetric, MetricEstimate> estimates) {
    public ChunkEstimate {
        estimates = Collections.unmodifiableMap(estimates.isEmpty() ? new EnumMap<>(EstimatedMetric.class)
                : new EnumMap<>(estimates));
    }

    /** The metrics whose estimate lies outside their thresholds, in the metrics' order. */
    public List<EstimatedMetric> alerts() {
        List<EstimatedMetric> alerts = new ArrayList<>();
        estimates.forEach((metric, estimate) -> {
            if (estimate.alert()) {
                alerts.add(metric);
            }
        });
        return alerts;
    }
}
