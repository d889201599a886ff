package io.driftwatch.topology.window;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Tumbling event-time windows: the size and grace (how long after its end a window still accepts records) of every
 * model whose policy does not shape its own ({@link WindowShape}), how long the merge stage waits for partitions never
 * heard from (merge delay), and how far ahead of its
 * Kafka timestamp a record's event time may be (max ahead): a record from a clock set years ahead would
 * otherwise move event time there and close every open window at once; and after how long without a record
 * (idle close, wall-clock time; zero for never) a partition lets its event time run on with the wall clock,
 * so the last window before traffic stops is still reported, or (idle mode {@link IdleMode#END}, for a replay)
 * takes its input to have ended. Windows are aligned to the epoch plus their offset, so every instance cuts the same
 * windows.
 */
public record WindowSpec(Duration size, Duration grace, Duration mergeDelay, Duration maxAhead, Duration idleClose,
                         IdleMode idleMode) {
    public WindowSpec {
        requireNonNull(idleMode, "idleMode");
        requireNonNull(size, "size");
        requireNonNull(grace, "grace");
        requireNonNull(mergeDelay, "mergeDelay");
        requireNonNull(maxAhead, "maxAhead");
        requireNonNull(idleClose, "idleClose");
        if (size.toMillis() < 1) {
            throw new IllegalArgumentException("window size must be at least 1 ms, got " + size);
        }
        if (grace.isNegative() || mergeDelay.isNegative() || maxAhead.isNegative() || idleClose.isNegative()) {
            throw new IllegalArgumentException("grace " + grace + ", merge delay " + mergeDelay + ", max ahead " + maxAhead
                    + " and idle close " + idleClose + " must not be negative");
        }
    }

    /** Windows whose quiet partitions run on with the wall clock, as live traffic wants. */
    public WindowSpec(Duration size, Duration grace, Duration mergeDelay, Duration maxAhead, Duration idleClose) {
        this(size, grace, mergeDelay, maxAhead, idleClose, IdleMode.RUN_ON);
    }

    /** The windows of a model whose policy does not shape them: this size and grace, aligned to the epoch. */
    public WindowShape shape() {
        return new WindowShape(size, grace, Duration.ZERO);
    }

    /** Whether an event time is further ahead of its record's Kafka timestamp than a clock can be trusted. */
    public boolean tooFarAhead(long eventMillis, long recordTimestampMillis) {
        return eventMillis - recordTimestampMillis > maxAhead.toMillis();
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
