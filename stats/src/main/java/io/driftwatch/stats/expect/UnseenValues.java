package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.SchemaFinding;

import java.util.Locale;
import java.util.Optional;

/**
 * What a value outside an expectation's allowed set amounts to. Apart from the expectation's other
 * severity because the two are weighed differently: a new category is often harmless (ignored, or a
 * warning), while a value out of range or a wrong type rarely is.
 */
public enum UnseenValues {
    ERROR, WARNING, IGNORE;

    /** The word a policy uses: {@code error}, {@code warning} or {@code ignore}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of the finding an unseen value gives; empty when it is ignored. */
    public Optional<SchemaFinding.Severity> severity() {
        return switch (this) {
            case ERROR -> Optional.of(SchemaFinding.Severity.ERROR);
            case WARNING -> Optional.of(SchemaFinding.Severity.WARNING);
            case IGNORE -> Optional.empty();
        };
    }

    /**
     * @throws IllegalArgumentException naming the accepted words when {@code text} is none of them
     */
    public static UnseenValues parse(String text) {
        for (UnseenValues action : values()) {
            if (action.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        throw new IllegalArgumentException("unseen values must be 'error', 'warning' or 'ignore', got '" + text + "'");
    }
}
