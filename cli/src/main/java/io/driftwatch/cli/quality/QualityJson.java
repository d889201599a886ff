package io.driftwatch.cli.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.stats.quality.BinaryConfusion;
import io.driftwatch.stats.quality.ClassMetrics;
import io.driftwatch.stats.quality.QualitySummary;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The {@code quality} object of {@code check}'s JSON report: {@code {labels, prediction, reference, current}},
 * each file's quality or {@code {"none": why}}. Metric names are the stream's quality report's; a metric that is
 * undefined for a file (recall without a positive) is absent, never NaN; the confusion matrix of a binary model
 * comes as counts and as shares of all labelled rows (NannyML's {@code normalize_confusion_matrix='all'}).
 */
public final class QualityJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QualityJson() {
    }

    /** {@code report}, a JSON object as {@code check} renders it, with {@code quality} added last. */
    public static String addTo(String report, CheckQuality quality) {
        return addTo(report, quality, null);
    }

    /**
     * Also, for a chunked check, the metrics' {@code bands} in {@code quality} and each chunk's {@code quality} (its
     * metrics as a file's, with the {@code alerts} outside their bands) in {@code chunks[]} and {@code reference_chunks[]}.
     */
    public static String addTo(String report, CheckQuality quality, @Nullable ChunkQuality chunks) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(report);
            ObjectNode node = node(quality);
            root.set("quality", node);
            if (chunks != null) {
                ObjectNode bands = node.putObject("bands");
                chunks.bands().forEach((metric, band) -> bands.putObject(metric).put("lower", band.lower())
                        .put("upper", band.upper()));
                addToChunks(root.get("chunks"), chunks.chunks(), chunks, quality);
                addToChunks(root.get("reference_chunks"), chunks.referenceChunks(), chunks, quality);
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check's JSON report is an object, read back as written", e);
        }
    }

    public static ObjectNode node(CheckQuality quality) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("labels", quality.request().labelColumn());
        node.put("prediction", quality.request().columns().prediction());
        node.set("reference", file(quality.reference(), quality));
        node.set("current", file(quality.current(), quality));
        return node;
    }

    private static void addToChunks(@Nullable JsonNode reported, List<FileQuality> qualities, ChunkQuality chunks,
                                    CheckQuality quality) {
        if (reported == null) {
            return;
        }
        for (int i = 0; i < reported.size(); i++) {
            FileQuality chunk = qualities.get(reported.get(i).get("index").asInt());
            ObjectNode node = file(chunk, quality);
            ArrayNode alerts = node.putArray("alerts");
            chunks.alerts(chunk).forEach(alerts::add);
            ((ObjectNode) reported.get(i)).set("quality", node);
        }
    }

    private static ObjectNode file(FileQuality file, CheckQuality quality) {
        ObjectNode node = MAPPER.createObjectNode();
        QualitySummary summary = file.summary();
        if (summary == null) {
            return node.put("none", file.whyNone());
        }
        node.put("task", summary.task().name().toLowerCase(Locale.ROOT)).put("predictions", summary.predictions())
                .put("labelled", summary.labelled()).put("unlabelled", summary.unlabelled())
                .put("unmatched_labels", summary.unmatchedLabels());
        ObjectNode metrics = node.putObject("metrics");
        new TreeMap<>(summary.metrics()).forEach(metrics::put);
        BinaryConfusion binary = summary.binary();
        if (binary != null) {
            node.put("positive_class", binary.positiveClass());
            ObjectNode matrix = node.putObject("confusion_matrix");
            cell(matrix, "true_negative", binary.trueNegatives(), binary);
            cell(matrix, "false_positive", binary.falsePositives(), binary);
            cell(matrix, "false_negative", binary.falseNegatives(), binary);
            cell(matrix, "true_positive", binary.truePositives(), binary);
        }
        file.businessValue(quality.request().businessValue()).ifPresent(value -> node.putObject("business_value")
                .put("total", value.total()).put("per_prediction", value.perPrediction()));
        ArrayNode perClass = node.putArray("per_class");
        for (ClassMetrics ofClass : summary.perClass()) {
            perClass.addObject().put("class", ofClass.label()).put("precision", ofClass.precision())
                    .put("recall", ofClass.recall()).put("f1", ofClass.f1()).put("support", ofClass.support());
        }
        return node;
    }

    private static void cell(ObjectNode matrix, String name, long count, BinaryConfusion binary) {
        matrix.putObject(name).put("count", count).put("share", binary.share(count));
    }
}
