package io.driftwatch.cli.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What {@code analyze} compared, put above check's report: the model version, each span with the windows merged
 * and their records (or the baseline), and the coverage notes, so a reader knows how much data a verdict rests on
 * and whether retention cut a span short. In the JSON report it is the {@code analyze} object, check's keys
 * unchanged beside it.
 *
 * @param baseline the reference baseline, or null when the reference is a span
 * @param reference the reference span, or null when the reference is the baseline
 * @param notes    one line each about a span the topic could not give in full
 */
public record AnalyzeHeader(String model, String version, MergedSpan current, @Nullable BaselineReference baseline,
                            @Nullable MergedSpan reference, List<String> notes) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AnalyzeHeader {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
        requireNonNull(current, "current");
        if ((baseline == null) == (reference == null)) {
            throw new IllegalArgumentException("the reference is either a baseline or a span");
        }
        notes = List.copyOf(notes);
    }

    /** The lines above the table, each ending in a newline. */
    public String lines() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "model %s version %s%n", model, version));
        out.append(spanLine(current));
        if (reference != null) {
            out.append(spanLine(reference));
        } else if (baseline != null) {
            out.append(String.format(Locale.ROOT, "reference: baseline %s (%d training rows)%n", baseline.baselineId(),
                    baseline.rows()));
        }
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        return out.toString();
    }

    /** What the table calls the reference. */
    public String referenceName() {
        return reference != null ? "windows " + reference.span() : "baseline " + requireNonNull(baseline).baselineId();
    }

    public String currentName() {
        return "windows " + current.span();
    }

    /** Check's JSON report {@code checkJson} with the {@code analyze} object first. */
    public String json(String checkJson) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode analyze = root.putObject("analyze").put("model", model).put("version", version);
        span(analyze.putObject("current"), current);
        ObjectNode against = analyze.putObject("reference");
        if (reference != null) {
            span(against, reference);
        } else if (baseline != null) {
            against.put("baseline", baseline.baselineId()).put("rows", baseline.rows());
        }
        ArrayNode notesNode = analyze.putArray("notes");
        notes.forEach(notesNode::add);
        try {
            root.setAll((ObjectNode) MAPPER.readTree(checkJson));
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check's report is always JSON", e);
        }
    }

    private static String spanLine(MergedSpan merged) {
        return String.format(Locale.ROOT, "%s: %s to %s, %d window%s merged, %d records%n", merged.span().name(),
                merged.span().from(), merged.span().to(), merged.windows(), merged.windows() == 1 ? "" : "s",
                merged.records());
    }

    private static void span(ObjectNode node, MergedSpan merged) {
        node.put("from", merged.span().from().toString()).put("to", merged.span().to().toString())
                .put("windows", merged.windows()).put("records", merged.records());
    }
}
