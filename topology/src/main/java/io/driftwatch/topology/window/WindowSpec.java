package io.driftwatch.topology.window;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Tumbling event-time windows: their size, how long after its end a window still accepts records (grace),
 * and how long the merge stage waits for partial windows from slow partitions after that (merge delay).
 * Windows are aligned to the epoch, so every instance cuts the same windows.
 */
public record WindowSpec(Duration size, Duration grace, Duration mergeDelay) {
    public WindowSpec {
        requireNonNull(size, "size");
        requireNonNull(grace, "grace");
        requireNonNull(mergeDelay, "mergeDelay");
        if (size.toMillis() < 1) {
            throw new IllegalArgumentException("window size must be at least 1 ms, got " + size);
        }
        if (grace.isNegative() || mergeDelay.isNegative()) {
            throw new IllegalArgumentException("grace " + grace + " and merge delay " + mergeDelay + " must not be negative");
        }
    }

    public long startOf(long eventMillis) {
        return Math.floorDiv(eventMillis, size.toMillis()) * size.toMillis();
    }

    public long endOf(long startMillis) {
        return startMillis + size.toMillis();
    }

    /** Stream time at which a partition closes the window starting at {@code startMillis}. */
    public long partialCloseAt(long startMillis) {
        return endOf(startMillis) + grace.toMillis();
    }

    /** The start of the latest window that a partition at event time {@code eventMillis} has closed. */
    public long latestClosedStart(long eventMillis) {
        return startOf(eventMillis - size.toMillis() - grace.toMillis());
    }

    /** Stream time of the merge stage at which the window closes even if partitions are missing. */
    public long mergeCloseAt(long startMillis) {
        return partialCloseAt(startMillis) + mergeDelay.toMillis();
    }
}
