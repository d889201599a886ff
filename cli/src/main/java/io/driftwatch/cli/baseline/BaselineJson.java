package io.driftwatch.cli.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.BaselineQuality;
import io.driftwatch.schemas.record.CalibrationSettings;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A baseline as JSON for people to read (and scripts to inspect): plain values rather than Avro's JSON
 * encoding, which wraps every optional value in its type and writes bytes as escaped text. The profile is
 * base64; the CBPE fit is rendered by {@link BaselineEstimationJson}, the PCA reconstruction fit by
 * {@link BaselineReconstructionJson}. It is a view, not a second wire format:
 * the topic and {@code .avro} files carry single-object Avro. Stateless.
 */
public final class BaselineJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineJson() {
    }

    public static String render(Baseline baseline) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("baseline_id", baseline.getBaselineId()).put("model", baseline.getModelName())
                .put("version", baseline.getModelVersion()).put("created_at", baseline.getCreatedAt().toString())
                .put("source", baseline.getSource()).put("rows", baseline.getRows())
                .put("content_hash", baseline.getContentHash());
        CalibrationSettings calibration = baseline.getCalibration();
        if (calibration == null) {
            root.putNull("calibration");
        } else {
            root.putObject("calibration").put("chunks", calibration.getChunks())
                    .put("chunk_rows", calibration.getChunkRows()).put("seed", calibration.getSeed())
                    .put("sigmas", calibration.getSigmas()).put("binning", calibration.getBinning())
                    .put("log_base", calibration.getLogBase());
        }
        BaselineQuality quality = baseline.getQuality();
        if (quality == null) {
            root.putNull("quality");
        } else {
            ObjectNode metrics = root.putObject("quality").put("labelled", quality.getLabelled()).putObject("metrics");
            new TreeMap<>(quality.getMetrics()).forEach(metrics::put);
        }
        BaselineEstimationJson.addTo(root, baseline.getPerformanceEstimation());
        BaselineReconstructionJson.addTo(root, baseline.getMultivariate());
        ObjectNode columns = root.putObject("columns");
        baseline.getColumns().forEach(column -> columns.set(column.getName(), column(column)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a baseline tree always serializes", e);
        }
    }

    private static ObjectNode column(BaselineColumn column) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", column.getColumnType().name().toLowerCase(Locale.ROOT)).put("count", column.getCount())
                .put("missing", column.getMissing()).put("missing_rate", column.getMissingRate())
                .put("min", column.getMin()).put("max", column.getMax())
                .put("distinct_count", column.getDistinctCount());
        ArrayNode domain = node.putArray("domain");
        column.getDomain().forEach(domain::add);
        node.put("domain_truncated", column.getDomainTruncated()).put("default_test", column.getDefaultTest())
                .put("compared_as_categories", column.getComparedAsCategories());
        ObjectNode thresholds = node.putObject("thresholds");
        column.getThresholds().forEach(thresholds::put);
        ObjectNode notCalibrated = node.putObject("not_calibrated");
        column.getNotCalibrated().forEach(notCalibrated::put);
        ByteBuffer profile = column.getProfile().duplicate();
        byte[] bytes = new byte[profile.remaining()];
        profile.get(bytes);
        node.put("profile_base64", Base64.getEncoder().encodeToString(bytes));
        return node;
    }
}
