package io.driftwatch.policy;

import java.util.Locale;

/** What a categorical value outside an expectation's allowed values is: an error, a warning, or nothing. */
public enum UnseenValues {
    ERROR, WARNING, IGNORE;

    static UnseenValues parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
