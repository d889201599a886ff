package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;

import java.util.Comparator;

/**
 * A quality report's performance estimate (CBPE, made from the model's scores before labels) as the {@code estimated}
 * object of its JSON line, in the snake_case keys docs/reports.md documents: per metric, sorted by name, the estimate,
 * its sampling error and ±3 SE band, the reference's thresholds, whether it alerts, and the realized value beside it.
 */
final class EstimatedPerformanceJson {
    private EstimatedPerformanceJson() {
    }

    static void put(ObjectNode estimated, EstimatedPerformance estimate) {
        estimated.put("baseline_id", estimate.getBaselineId()).put("positive_class",
                        estimate.getPositiveClass().isEmpty() ? null : estimate.getPositiveClass())
                .put("complete", estimate.getComplete()).put("predictions", estimate.getPredictions())
                .put("not_estimated", estimate.getNotEstimated())
                .put("expected_true_positives", estimate.getTruePositives())
                .put("expected_false_positives", estimate.getFalsePositives())
                .put("expected_false_negatives", estimate.getFalseNegatives())
                .put("expected_true_negatives", estimate.getTrueNegatives());
        ObjectNode metrics = estimated.putObject("metrics");
        estimate.getMetrics().stream().sorted(Comparator.comparing(EstimatedMetricReport::getMetric)).forEach(metric ->
                metrics.putObject(metric.getMetric()).put("value", metric.getValue())
                        .put("sampling_error", metric.getSamplingError()).put("error_bound", metric.getErrorBound())
                        .put("lower", metric.getLower()).put("upper", metric.getUpper())
                        .put("threshold_lower", metric.getThresholdLower()).put("threshold_upper", metric.getThresholdUpper())
                        .put("alert", metric.getAlert()).put("realized", metric.getRealized()));
    }
}
