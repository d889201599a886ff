package io.driftwatch.stats.quality;

import io.driftwatch.stats.sample.CategoryLabel;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The one spelling of a class on every path into the quality tallies, so a label and a prediction of the same
 * class meet in one cell of the confusion matrix whether they came as numbers, strings or booleans: a number
 * that is a whole number is spelled without a fraction ({@code 1.0} is class {@code 1}), any other number as
 * {@link Double#toString(double)} spells it, and a string as {@link CategoryLabel} spells it ({@code True} is
 * class {@code true}). Stateless.
 */
public final class ClassName {
    private static final double LARGEST_WHOLE_SPELLED = 1e15;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d*)?([eE][+-]?\\d+)?");

    private ClassName() {
    }

    public static String of(double value) {
        if (isWhole(value)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    public static String of(String value) {
        return CategoryLabel.of(requireNonNull(value, "value"));
    }

    /** @param value a {@link Double} or a {@link String}, as predictions and labels are held */
    public static String of(Object value) {
        return value instanceof Double number ? of(number.doubleValue()) : of(value.toString());
    }

    /** A class as a person types it in an option: {@code 1}, {@code 1.0} and {@code TRUE} name the classes 1, 1 and true. */
    public static String ofTyped(String text) {
        String stripped = text.strip();
        return DECIMAL.matcher(stripped).matches() ? of(Double.parseDouble(stripped)) : of(stripped);
    }

    /** Whether {@code value} is a whole number that a class name can spell exactly. */
    public static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < LARGEST_WHOLE_SPELLED;
    }
}
