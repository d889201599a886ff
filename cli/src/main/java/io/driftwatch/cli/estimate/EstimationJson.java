package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.cli.report.ReportJsonSection;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.CalibrationCheck;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;

/**
 * The estimated performance in {@code check}'s JSON report: a top-level {@code estimation} object (binary: whether
 * the scores were calibrated, the expected calibration errors behind that decision, the positive class; multiclass:
 * the classes, whether any class's scores were calibrated, and which) and, in each
 * chunk of {@code chunks[]}, {@code estimated: {metric: {value, sampling_error, lower_band, upper_band,
 * lower_threshold, upper_threshold, alert, realized}}}. A number that does not exist (an estimate with a zero
 * denominator, a threshold no reference chunk gives, a realized value of an unlabelled chunk) is null, never NaN,
 * which JSON cannot hold; {@code realized} is absent for a chunk without labels.
 */
public final class EstimationJson {
    private EstimationJson() {
    }

    /** {@code report}, a JSON object with {@code chunks[]} as the chunked {@code check} renders it, with the estimates added. */
    public static String addTo(String report, EstimatedChunks estimation) {
        return ReportJsonSection.add(report, root -> {
            ObjectNode summary = root.putObject("estimation");
            summary.put("method", "cbpe");
            if (estimation instanceof PerformanceEstimation binary) {
                CalibrationCheck check = binary.model().reference().calibrationCheck();
                summary.put("positive_class", binary.positiveClass()).put("calibrated", check.needed());
                ReportJsonSection.number(summary, "expected_calibration_error_before", check.errorBefore());
                ReportJsonSection.number(summary, "expected_calibration_error_after", check.errorAfter());
            } else if (estimation instanceof MulticlassPerformanceEstimation multiclass) {
                describe(summary, multiclass.model().reference());
            }
            JsonNode chunks = root.get("chunks");
            if (chunks != null) {
                for (JsonNode chunk : chunks) {
                    ChunkEstimate estimate = estimation.chunks().get(chunk.get("index").asInt());
                    ((ObjectNode) chunk).set("estimated", node(estimate));
                }
            }
        });
    }

    private static void describe(ObjectNode summary, MulticlassCbpeReference reference) {
        ArrayNode classes = summary.putArray("classes");
        ArrayNode calibrated = JsonNodeFactory.instance.arrayNode();
        boolean[] needed = reference.calibration().calibrationNeeded();
        for (int c = 0; c < needed.length; c++) {
            classes.add(reference.classes().get(c));
            if (needed[c]) {
                calibrated.add(reference.classes().get(c));
            }
        }
        summary.put("calibrated", !calibrated.isEmpty()).set("calibrated_classes", calibrated);
    }

    private static ObjectNode node(ChunkEstimate chunk) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        chunk.estimates().forEach((metric, estimate) -> {
            ObjectNode one = node.putObject(metric.metricName());
            ReportJsonSection.number(one, "value", estimate.value());
            ReportJsonSection.number(one, "sampling_error", estimate.samplingError());
            ReportJsonSection.number(one, "lower_band", estimate.band().lower());
            ReportJsonSection.number(one, "upper_band", estimate.band().upper());
            MetricBand thresholds = estimate.thresholds();
            ReportJsonSection.number(one, "lower_threshold", thresholds == null ? Double.NaN : thresholds.lower());
            ReportJsonSection.number(one, "upper_threshold", thresholds == null ? Double.NaN : thresholds.upper());
            one.put("alert", estimate.alert());
            if (!Double.isNaN(estimate.realized())) {
                one.put("realized", estimate.realized());
            }
        });
        return node;
    }
}
