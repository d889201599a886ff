package io.driftwatch.topology.window;

import java.time.Duration;

/**
 * Where a partition's event time would be had its traffic not stopped. Event time moves only with records,
 * so without them the last window, or the last predictions waiting for labels, would wait for the next
 * record forever. After {@link WindowSpec#idleClose()} of wall-clock time without a record, this clock runs
 * on from the event time of the last record at the wall clock's pace ({@link IdleMode#RUN_ON}), or, for a
 * replay, jumps to the end of time ({@link IdleMode#END}): the input has ended, every window closes and every
 * prediction still waiting for its label counts as unlabelled, without waiting out the maximum label delay at
 * the wall clock's pace. Only quiet moves it: a partition with records to process is never idle, however far
 * behind the wall clock a replay is. Not thread-safe: one per stream task.
 */
public final class IdleClock {
    /**
     * The event time a partition reaches when its input has ended ({@link IdleMode#END}): past every window and
     * every delay, yet far enough from {@code Long.MAX_VALUE} that adding a window or a delay cannot overflow.
     */
    public static final long END_OF_INPUT_MILLIS = Long.MAX_VALUE / 4;

    private final long idleCloseMillis;
    private final IdleMode mode;
    private long eventTimeAtLastRecordMillis;
    private long lastRecordTimestampMillis;
    private long lastRecordWallClockMillis;

    /** A clock that starts quiet at {@code wallClockMillis}, resuming from {@code eventTimeMillis} (Long.MIN_VALUE: none yet). */
    public IdleClock(Duration idleClose, IdleMode mode, long eventTimeMillis, long wallClockMillis) {
        this.idleCloseMillis = idleClose.toMillis();
        this.mode = mode;
        this.eventTimeAtLastRecordMillis = eventTimeMillis;
        this.lastRecordTimestampMillis = wallClockMillis;
        this.lastRecordWallClockMillis = wallClockMillis;
    }

    /** Whether the idle close is on at all; 0 turns it off. */
    public boolean enabled() {
        return idleCloseMillis > 0;
    }

    /** How often a punctuation should ask: often enough to act within a quarter of the idle time. */
    public Duration checkInterval() {
        return Duration.ofMillis(Math.max(1_000, Math.min(idleCloseMillis / 4, 60_000)));
    }

    /** A record was processed; the partition's event time after it is {@code eventTimeMillis}. */
    public void recordSeen(long eventTimeMillis, long recordTimestampMillis, long wallClockMillis) {
        eventTimeAtLastRecordMillis = eventTimeMillis;
        lastRecordTimestampMillis = recordTimestampMillis;
        lastRecordWallClockMillis = wallClockMillis;
    }

    /**
     * The event time the quiet since the last record has reached at {@code wallClockMillis}, or Long.MIN_VALUE
     * while the partition is not idle (or has never seen a record, or the idle close is off).
     */
    public long quietEventTimeMillis(long wallClockMillis) {
        long quietMillis = wallClockMillis - lastRecordWallClockMillis;
        if (!enabled() || eventTimeAtLastRecordMillis == Long.MIN_VALUE || quietMillis < idleCloseMillis) {
            return Long.MIN_VALUE;
        }
        return mode == IdleMode.END ? END_OF_INPUT_MILLIS : Math.min(eventTimeAtLastRecordMillis + quietMillis, END_OF_INPUT_MILLIS);
    }

    /** The last record's Kafka timestamp moved on by the quiet since it, for what quiet makes a processor send. */
    public long quietTimestampMillis(long wallClockMillis) {
        return lastRecordTimestampMillis + (wallClockMillis - lastRecordWallClockMillis);
    }
}
