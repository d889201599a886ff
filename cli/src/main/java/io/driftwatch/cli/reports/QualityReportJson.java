package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.BinaryConfusionReport;
import io.driftwatch.schemas.record.ClassQuality;
import io.driftwatch.schemas.record.ConfusionCell;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.SegmentQualityReport;

import java.util.Map;
import java.util.TreeMap;

/**
 * A quality report as one JSON object for a script, in the snake_case keys docs/reports.md documents. Metric maps keep
 * the service's metric names as keys, sorted, so two lines of the same window compare line by line. A report with a
 * performance estimate carries it as {@code estimated}; one without has no such key, so its line reads as it always did.
 */
final class QualityReportJson {
    private QualityReportJson() {
    }

    static ObjectNode node(QualityReport report) {
        ObjectNode root = ReportJson.object();
        root.put("report_id", report.getReportId()).put("model", report.getModelName())
                .put("version", report.getModelVersion())
                .put("window_start", report.getWindowStart().toString()).put("window_end", report.getWindowEnd().toString())
                .put("is_final", report.getIsFinal()).put("task", report.getTask().name())
                .put("predictions", report.getPredictions()).put("labelled", report.getLabelled())
                .put("label_coverage", report.getLabelCoverage()).put("unlabelled", report.getUnlabelled())
                .put("duplicate_labels", report.getDuplicateLabels()).put("unmatched_labels", report.getUnmatchedLabels());
        metrics(root.putObject("metrics"), report.getMetrics());
        metrics(root.putObject("baseline_metrics"), report.getBaselineMetrics());
        metrics(root.putObject("previous_window_metrics"), report.getPreviousWindowMetrics());
        ArrayNode perClass = root.putArray("per_class");
        for (ClassQuality quality : report.getPerClass()) {
            perClass.addObject().put("label", quality.getLabel()).put("precision", quality.getPrecision())
                    .put("recall", quality.getRecall()).put("f1", quality.getF1()).put("support", quality.getSupport());
        }
        ArrayNode confusion = root.putArray("confusion");
        for (ConfusionCell cell : report.getConfusion()) {
            confusion.addObject().put("actual", cell.getActual()).put("predicted", cell.getPredicted()).put("count", cell.getCount());
        }
        metrics(root.putObject("label_delay_quantiles_millis"), report.getLabelDelayQuantilesMillis());
        ArrayNode segments = root.putArray("segments");
        for (SegmentQualityReport segment : report.getSegments()) {
            ObjectNode node = segments.addObject().put("segment", segment.getSegment()).put("value", segment.getValue())
                    .put("labelled", segment.getLabelled());
            metrics(node.putObject("metrics"), segment.getMetrics());
        }
        root.put("policy_id", report.getPolicyId());
        BinaryConfusionReport binary = report.getBinary();
        if (binary == null) {
            root.putNull("binary");
        } else {
            root.putObject("binary").put("positive_class", binary.getPositiveClass())
                    .put("negative_class", binary.getNegativeClass()).put("true_positives", binary.getTruePositives())
                    .put("false_positives", binary.getFalsePositives()).put("false_negatives", binary.getFalseNegatives())
                    .put("true_negatives", binary.getTrueNegatives());
        }
        EstimatedPerformance estimated = report.getEstimated();
        if (estimated != null) {
            EstimatedPerformanceJson.put(root.putObject("estimated"), estimated);
        }
        return root;
    }

    private static void metrics(ObjectNode node, Map<String, Double> values) {
        new TreeMap<>(values).forEach(node::put);
    }
}
