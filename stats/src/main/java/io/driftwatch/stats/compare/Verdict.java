package io.driftwatch.stats.compare;

import java.util.Locale;

/**
 * A test's decision against its threshold. {@code INCONCLUSIVE} exists for sketch results whose error
 * interval straddles the threshold: reporting drift or no drift there would be a coin toss.
 */
public enum Verdict {
    DRIFT, NO_DRIFT, INCONCLUSIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
