package io.driftwatch.stats.multivariate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated rows and NumPy's expected figures in {@code /multivariate/reconstruction_cases.json}, written by
 * {@code /multivariate/reconstruction_reference.py} beside it.
 */
final class ReconstructionCases {
    static final double TOLERANCE = 1e-9;
    private static final JsonNode ROOT = load();

    private ReconstructionCases() {
    }

    private static JsonNode load() {
        String resource = "/multivariate/reconstruction_cases.json";
        try (InputStream in = ReconstructionCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int chunkRows() {
        return ROOT.get("chunk_rows").asInt();
    }

    static FeatureTable reference() {
        return table("reference", 0, ROOT.get("reference").get("x2").size());
    }

    static FeatureTable analysis() {
        return table("analysis", 0, ROOT.get("analysis").get("x2").size());
    }

    static FeatureTable chunk(String set, int index) {
        return table(set, index * chunkRows(), (index + 1) * chunkRows());
    }

    static int chunkCount(String set) {
        return ROOT.get(set).get("x2").size() / chunkRows();
    }

    static FeatureTable table(String set, int from, int to) {
        JsonNode rows = ROOT.get(set);
        double[] x1 = new double[to - from];
        double[] x2 = new double[to - from];
        List<String> colours = new ArrayList<>();
        for (int row = from; row < to; row++) {
            x1[row - from] = rows.get("x1").get(row).isNull() ? Double.NaN : rows.get("x1").get(row).asDouble();
            x2[row - from] = rows.get("x2").get(row).asDouble();
            colours.add(rows.get("colour").get(row).isNull() ? null : rows.get("colour").get(row).asText());
        }
        return new FeatureTable(List.of(ContinuousColumn.of("x1", x1), ContinuousColumn.of("x2", x2),
                CategoricalColumn.of("colour", colours)));
    }

    static JsonNode expected(String field) {
        return ROOT.get("expected").get(field);
    }

    static double[] expectedDoubles(String field) {
        JsonNode node = expected(field);
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }
}
