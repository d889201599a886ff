package io.driftwatch.stats.sample;

/**
 * The one spelling of a category on every path into the statistics. A {@code true} or {@code false} in any
 * letter case is spelled as JSON and Avro booleans print, so the {@code True} pandas writes into a training
 * CSV, the JSON boolean {@code true} a model server logs and a JSON string {@code "TRUE"} are one category in
 * {@code check}, in {@code baseline} and in the stream. Every other value is kept as it is.
 */
public final class CategoryLabel {
    private CategoryLabel() {
    }

    /** {@code value} as a category: {@code true}/{@code false} lowercased, anything else unchanged. */
    public static String of(String value) {
        int length = value.length();
        if (length == 4 && value.equalsIgnoreCase("true")) {
            return "true";
        }
        if (length == 5 && value.equalsIgnoreCase("false")) {
            return "false";
        }
        return value;
    }
}
