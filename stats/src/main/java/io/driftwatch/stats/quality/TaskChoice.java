package io.driftwatch.stats.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the user says a model's task is ({@code baseline --task}, {@code driftwatch.quality.task}). Numbers are
 * ambiguous: labels 0 and 1 may be two classes or two quantities. {@link #AUTO} lets {@link OutcomeTyping}
 * decide per labelled pair; the other two settle it for every pair whose values allow it (a class name is
 * never a quantity, so a pair with one stays a classification even when the user says regression).
 */
public enum TaskChoice {
    AUTO,
    CLASSIFICATION,
    REGRESSION;

    /** The name in options and settings: {@code auto}, {@code classification}, {@code regression}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(TaskChoice::label).toList();
    }

    /** @throws IllegalArgumentException for a name not in {@link #labels()} (letter case is ignored) */
    public static TaskChoice parse(String label) {
        for (TaskChoice choice : values()) {
            if (choice.label().equalsIgnoreCase(label.strip())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown task '" + label + "'; use one of " + String.join(", ", labels()));
    }

    @Override
    public String toString() {
        return label();
    }
}
