package io.driftwatch.topology.window;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How one model cuts its event time into tumbling windows: their size, where they start after each multiple of the
 * size since the epoch (offset: daily windows from 06:00 UTC have offset 6h), and how long after its end a window
 * still accepts records (grace). Each model's policy gives its own; the {@code driftwatch.window.*} settings give
 * the default, with no offset.
 */
public record WindowShape(Duration size, Duration grace, Duration offset) {
    public WindowShape {
        requireNonNull(size, "size");
        requireNonNull(grace, "grace");
        requireNonNull(offset, "offset");
        if (size.toMillis() < 1) {
            throw new IllegalArgumentException("window size must be at least 1 ms, got " + size);
        }
        if (grace.isNegative() || offset.isNegative() || offset.compareTo(size) >= 0) {
            throw new IllegalArgumentException("grace " + grace + " must not be negative and offset " + offset
                    + " must be at least 0 and smaller than the size " + size);
        }
    }

    /** The start of the window holding {@code eventMillis}. */
    public long startOf(long eventMillis) {
        long size = size().toMillis();
        long offset = offset().toMillis();
        return Math.floorDiv(eventMillis - offset, size) * size + offset;
    }

    /** The first window boundary at or after {@code millis}. */
    public long boundaryAtOrAfter(long millis) {
        long start = startOf(millis);
        return start == millis ? start : start + size.toMillis();
    }
}
