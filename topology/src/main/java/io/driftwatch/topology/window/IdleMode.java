package io.driftwatch.topology.window;

import java.util.Locale;

/**
 * What a partition's quiet means ({@code driftwatch.window.idle.close.mode}): live traffic that paused, whose
 * event time runs on with the wall clock, or the end of a replay, after which every window closes at once.
 */
public enum IdleMode {
    /** Event time runs on from the last record at the wall clock's pace: live traffic. */
    RUN_ON,
    /** The input has ended: event time jumps past every window and delay. A record after it is late. */
    END;

    /** The configuration spelling: {@code run-on} or {@code end}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted spellings */
    public static IdleMode parse(String text) {
        for (IdleMode mode : values()) {
            if (mode.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an idle mode; use run-on or end");
    }
}
