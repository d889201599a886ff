package io.driftwatch.stats.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference cases of {@code quality_reference.json}, computed by {@code quality_reference.py} (beside it)
 * with scikit-learn's definitions in NumPy/SciPy. Tests of the tallies and of the quality topology compare
 * against these values, never against numbers our code produced.
 */
public final class QualityReference {
    public static final double TOLERANCE = 1e-9;
    private static final JsonNode ROOT = load();

    private QualityReference() {
    }

    private static JsonNode load() {
        try (InputStream in = QualityReference.class.getResourceAsStream("quality_reference.json")) {
            if (in == null) {
                throw new IllegalStateException("quality_reference.json is missing from the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classification record: predicted and actual class names, scores per class, and a country segment. */
    public record ClassifiedRecord(String predicted, String actual, Map<String, Double> scores, String segment) {
    }

    public record RegressedRecord(double predicted, double actual) {
    }

    public static List<ClassifiedRecord> classification() {
        List<ClassifiedRecord> records = new ArrayList<>();
        for (JsonNode record : ROOT.path("classification").path("records")) {
            Map<String, Double> scores = new LinkedHashMap<>();
            record.path("scores").properties().forEach(score -> scores.put(score.getKey(), score.getValue().asDouble()));
            records.add(new ClassifiedRecord(record.path("predicted").asText(), record.path("actual").asText(), scores,
                    record.path("segment").asText()));
        }
        return records;
    }

    public static List<RegressedRecord> regression() {
        List<RegressedRecord> records = new ArrayList<>();
        for (JsonNode record : ROOT.path("regression").path("records")) {
            records.add(new RegressedRecord(record.path("predicted").asDouble(), record.path("actual").asDouble()));
        }
        return records;
    }

    /** An expected classification value by path, e.g. {@code ("accuracy")} or {@code ("per_class", "dog", "f1")}. */
    public static JsonNode classificationExpected(String... path) {
        return at(ROOT.path("classification").path("expected"), path);
    }

    public static JsonNode regressionExpected(String... path) {
        return at(ROOT.path("regression").path("expected"), path);
    }

    private static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String part : path) {
            current = current.path(part);
        }
        if (current.isMissingNode()) {
            throw new IllegalArgumentException("no reference value at " + String.join("/", path));
        }
        return current;
    }
}
