package io.driftwatch.tools.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * The shape of the replayed traffic: {@code windows} event-time windows of {@code window} each from {@code start},
 * {@code perWindow} predictions in each, the drift planted from window {@code driftFromWindow} on, and labels
 * arriving up to {@code labelDelayMax} after their predictions. Event times lie in the recent past because the
 * broker refuses record timestamps more than an hour ahead of its clock, and the traffic carries event time as
 * its timestamp too.
 */
public record DemoScenario(Instant start, Duration window, int windows, int driftFromWindow, int perWindow,
                           Duration labelDelayMax, long seed) {
    /** Event time of the traffic's first window, back from now; far enough that even its closing records are in the past. */
    static final Duration REPLAY_AGE = Duration.ofDays(2);
    /** Windows close on event time, and small ones let a dozen replay in seconds. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** How late a label may arrive, in event time; labels are drawn below it, so every label joins. */
    static final Duration LABEL_DELAY_MAX = Duration.ofMinutes(20);

    public DemoScenario {
        requireNonNull(start, "start");
        requireNonNull(window, "window");
        requireNonNull(labelDelayMax, "labelDelayMax");
        if (driftFromWindow < 2 || driftFromWindow + 2 > windows) {
            throw new IllegalArgumentException("driftFromWindow " + driftFromWindow + " must leave two clean windows before"
                    + " and two drifted windows after it, of " + windows);
        }
        if (perWindow < 1) {
            throw new IllegalArgumentException("perWindow must be positive, got " + perWindow);
        }
    }

    /** Twelve windows of 300 predictions, drift from the seventh, starting two days ago on the hour. */
    public static DemoScenario standard(Clock clock) {
        return new DemoScenario(clock.instant().minus(REPLAY_AGE).truncatedTo(ChronoUnit.HOURS), WINDOW, 12, 6, 300,
                LABEL_DELAY_MAX, 20_261_123L);
    }

    public Instant windowStart(int index) {
        return start.plus(window.multipliedBy(index));
    }

    /** The end of the last window of traffic. */
    public Instant end() {
        return windowStart(windows);
    }

    /** The window an event time falls in; negative before {@link #start()}. */
    public int windowOf(Instant time) {
        return (int) Math.floorDiv(Duration.between(start, time).toMillis(), window.toMillis());
    }
}
