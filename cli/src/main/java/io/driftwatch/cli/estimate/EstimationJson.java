package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.CalibrationCheck;

/**
 * The estimated performance in {@code check}'s JSON report: a top-level {@code estimation} object (whether the
 * scores were calibrated, the expected calibration errors behind that decision, the positive class) and, in each
 * chunk of {@code chunks[]}, {@code estimated: {metric: {value, sampling_error, lower_band, upper_band,
 * lower_threshold, upper_threshold, alert, realized}}}. A number that does not exist (an estimate with a zero
 * denominator, a threshold no reference chunk gives, a realized value of an unlabelled chunk) is null, never NaN,
 * which JSON cannot hold; {@code realized} is absent for a chunk without labels.
 */
public final class EstimationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EstimationJson() {
    }

    /** {@code report}, a JSON object with {@code chunks[]} as the chunked {@code check} renders it, with the estimates added. */
    public static String addTo(String report, PerformanceEstimation estimation) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(report);
            CalibrationCheck check = estimation.model().reference().calibrationCheck();
            ObjectNode summary = root.putObject("estimation");
            summary.put("method", "cbpe").put("positive_class", estimation.positiveClass())
                    .put("calibrated", check.needed());
            number(summary, "expected_calibration_error_before", check.errorBefore());
            number(summary, "expected_calibration_error_after", check.errorAfter());
            JsonNode chunks = root.get("chunks");
            if (chunks != null) {
                for (JsonNode chunk : chunks) {
                    ChunkEstimate estimate = estimation.chunks().get(chunk.get("index").asInt());
                    ((ObjectNode) chunk).set("estimated", node(estimate));
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check's JSON report is an object, read back as written", e);
        }
    }

    private static ObjectNode node(ChunkEstimate chunk) {
        ObjectNode node = MAPPER.createObjectNode();
        chunk.estimates().forEach((metric, estimate) -> {
            ObjectNode one = node.putObject(metric.metricName());
            number(one, "value", estimate.value());
            number(one, "sampling_error", estimate.samplingError());
            number(one, "lower_band", estimate.band().lower());
            number(one, "upper_band", estimate.band().upper());
            MetricBand thresholds = estimate.thresholds();
            number(one, "lower_threshold", thresholds == null ? Double.NaN : thresholds.lower());
            number(one, "upper_threshold", thresholds == null ? Double.NaN : thresholds.upper());
            one.put("alert", estimate.alert());
            if (!Double.isNaN(estimate.realized())) {
                one.put("realized", estimate.realized());
            }
        });
        return node;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
