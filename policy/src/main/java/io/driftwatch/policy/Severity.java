package io.driftwatch.policy;

import java.util.Locale;

/** How serious a finding is, for expectations, the schema trigger and the alerts' minimum; an error outranks a warning. */
public enum Severity {
    WARNING, ERROR;

    /** The word a policy writes: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Severity parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
