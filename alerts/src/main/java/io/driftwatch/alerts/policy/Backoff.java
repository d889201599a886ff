package io.driftwatch.alerts.policy;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Exponential backoff between attempts to deliver: {@code initial}, then doubling, never more than
 * {@code max}. A value; {@link RetrySchedule} keeps the count of failures.
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        requireNonNull(initial, "initial");
        requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff " + initial + " must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " must be at least the initial " + initial);
        }
    }

    /** The wait after {@code failures} consecutive failures (at least 1). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures " + failures + " must be at least 1");
        }
        int doublings = Math.min(failures - 1, 40);
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
