package io.driftwatch.schemas.mapping;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * The type a user declares for a feature, so that a producer sending {@code "age": "31"} is caught at the
 * door as a wrong-typed record instead of silently turning a numeric feature categorical. Null (a missing
 * value) is accepted for every type.
 */
public enum FeatureType {
    /** Integers and floating-point numbers. */
    NUMBER("a number"),
    /** Categories given as text. */
    STRING("a string"),
    /** true or false. */
    BOOLEAN("a boolean");

    private final String description;

    FeatureType(String description) {
        this.description = description;
    }

    /** "a number", "a string" or "a boolean", for messages. */
    public String description() {
        return description;
    }

    boolean accepts(@Nullable Object value) {
        return value == null || switch (this) {
            case NUMBER -> value instanceof Long || value instanceof Double;
            case STRING -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
        };
    }

    /**
     * @param text {@code number}, {@code string} or {@code boolean}, in any case
     * @throws IllegalArgumentException for anything else
     */
    public static FeatureType parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "number" -> NUMBER;
            case "string" -> STRING;
            case "boolean" -> BOOLEAN;
            default -> throw new IllegalArgumentException("unknown feature type; use number, string or boolean");
        };
    }
}
