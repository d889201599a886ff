package io.driftwatch.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * Adds a section to {@code check}'s JSON report after it is rendered: the analyses that inform (estimated performance,
 * multivariate drift, the feature ranking) each put their object at the top and into {@code chunks[]}, on the report
 * as {@link JsonReport} wrote it, indented as it is.
 */
public final class ReportJsonSection {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJsonSection() {
    }

    /** {@code report} with what {@code addition} puts into its root object. */
    public static String add(String report, Consumer<ObjectNode> addition) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(report);
            addition.accept(root);
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check's JSON report is an object, read back as written", e);
        }
    }

    /** Puts {@code value} under {@code name}, or null when it is NaN or infinite, which JSON cannot hold. */
    public static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
