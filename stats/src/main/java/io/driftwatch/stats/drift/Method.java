package io.driftwatch.stats.drift;

import java.util.Locale;

/**
 * How a test reached its numbers, so that a reader knows how far to trust them: {@code EXACT} from all
 * raw values with an exact null distribution (or no p-value at all), {@code ASYMPTOTIC} from all raw values
 * with a large-sample p-value, {@code SKETCH} from mergeable sketches, with an {@link ErrorBound}.
 */
public enum Method {
    EXACT, ASYMPTOTIC, SKETCH;

    /** The lowercase name used in reports and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
