package io.driftwatch.stats.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The generated inputs of {@code /cbpe/cbpe_cases.json}, written by {@code /cbpe/cbpe_reference.py} beside it,
 * which also prints the expected values the tests hold as literals (NannyML's definitions in NumPy).
 */
final class CbpeCases {
    static final double TOLERANCE = 1e-9;
    private static final JsonNode ROOT = load();

    private CbpeCases() {
    }

    private static JsonNode load() {
        try (InputStream in = CbpeCases.class.getResourceAsStream("/cbpe/cbpe_cases.json")) {
            if (in == null) {
                throw new IllegalStateException("/cbpe/cbpe_cases.json is missing from the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(String caseName, String field) {
        JsonNode node = ROOT.get(caseName).get(field);
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    static boolean[] labels(String caseName) {
        JsonNode node = ROOT.get(caseName).get("labels");
        boolean[] labels = new boolean[node.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = node.get(i).asInt() == 1;
        }
        return labels;
    }

    static int[] classLabels(String caseName) {
        JsonNode node = ROOT.get(caseName).get("labels");
        int[] labels = new int[node.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = node.get(i).asInt();
        }
        return labels;
    }

    static double[][] rows(String caseName, String field) {
        JsonNode node = ROOT.get(caseName).get(field);
        double[][] rows = new double[node.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new double[node.get(r).size()];
            for (int c = 0; c < rows[r].length; c++) {
                rows[r][c] = node.get(r).get(c).asDouble();
            }
        }
        return rows;
    }

    /** The binary reference's predictions, as the script makes them: positive when the score is at least 0.5. */
    static boolean[] predictedPositive(double[] scores) {
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= 0.5;
        }
        return predicted;
    }
}
