package io.driftwatch.policy.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON Pointers (RFC 6901) as policy code builds and shows them: {@code /features/columns/income} is shown to a user
 * as {@code features.columns.income}, the way the reference documents each key.
 */
public final class Pointers {
    private Pointers() {
    }

    /** {@code parent} extended by one member name or array index, escaped as RFC 6901 requires. */
    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The unescaped names of {@code pointer}'s steps. */
    public static List<String> steps(String pointer) {
        List<String> steps = new ArrayList<>();
        if (pointer.isEmpty()) {
            return steps;
        }
        for (String step : pointer.substring(1).split("/", -1)) {
            steps.add(step.replace("~1", "/").replace("~0", "~"));
        }
        return steps;
    }

    /** {@code features.columns.income}, or {@code (file)} for the root. */
    public static String dotted(String pointer) {
        return pointer.isEmpty() ? "(file)" : String.join(".", steps(pointer));
    }
}
