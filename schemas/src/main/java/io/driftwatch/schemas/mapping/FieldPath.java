package io.driftwatch.schemas.mapping;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A dotted path to a field in a user's record, such as {@code meta.id}: each segment names a field of the
 * record or object reached so far. It exists so one notation works on Avro records and JSON objects alike
 * (both reach it as nested maps). Field names containing a dot cannot be addressed.
 *
 * @param segments the field names from the top level down; none empty
 */
public record FieldPath(List<String> segments) {

    public FieldPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a field path needs at least one field name");
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("a field path has an empty field name (two dots, or a dot at"
                        + " either end)");
            }
        }
    }

    /**
     * @param dotted for example {@code meta.id}; surrounding whitespace is ignored
     * @throws IllegalArgumentException when it is empty or has an empty field name
     */
    public static FieldPath parse(String dotted) {
        String trimmed = dotted.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a field path must not be empty");
        }
        return new FieldPath(List.of(trimmed.split("\\.", -1)));
    }

    /** The top-level field this path starts at. */
    public String head() {
        return segments.get(0);
    }

    /**
     * The value at this path, or null when the path does not exist. A field that exists and holds null is
     * found, with a null value: "missing" and "present but null" are different mistakes.
     */
    @Nullable Found find(Map<String, @Nullable Object> fields) {
        Map<?, ?> current = fields;
        for (int i = 0; i < segments.size() - 1; i++) {
            if (!(current.get(segments.get(i)) instanceof Map<?, ?> next)) {
                return null;
            }
            current = next;
        }
        String last = segments.get(segments.size() - 1);
        return current.containsKey(last) ? new Found(current.get(last)) : null;
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }

    /** A field that exists, whatever its value. */
    record Found(@Nullable Object value) {
    }
}
