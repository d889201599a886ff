package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The log's view of dead letters: without it a service that dead-letters every record (a producer writing
 * another format, a schema the service does not know) looks healthy from its log. One WARN line at most per
 * interval for the whole service, never one per record: the first dead letter is logged at once, later ones
 * are counted and summarised when the interval since the last line has passed, at the next dead letter or at
 * the next wall-clock punctuation of a decode task, whichever comes first, so the tail of a burst is logged
 * too. A line gives the count per reason code since the last line and the first of those dead letters' place
 * (topic, partition, offset) and reason, which names no feature value. Thread-safe: the decode tasks of every
 * stream thread share one.
 */
final class DeadLetterLog {
    /** How often at most a line is written while dead letters occur. */
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterLog.class);
    private static final int REASON_CHARS_MAX = 300;

    private final String deadLetterTopic;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> sink;
    private final Map<DeadLetterReason, Long> pendingByReason = new EnumMap<>(DeadLetterReason.class);
    private @Nullable String firstPending;
    private @Nullable Instant lastLine;

    /** Writes to this class's SLF4J logger at WARN, at most every {@link #INTERVAL}. */
    static DeadLetterLog toLogger(String deadLetterTopic, Clock clock) {
        return new DeadLetterLog(deadLetterTopic, clock, INTERVAL, line -> log.warn("{}", line));
    }

    /** @param sink receives each line; tests collect them */
    DeadLetterLog(String deadLetterTopic, Clock clock, Duration interval, Consumer<String> sink) {
        this.deadLetterTopic = requireNonNull(deadLetterTopic, "deadLetterTopic");
        this.clock = requireNonNull(clock, "clock");
        this.interval = requireNonNull(interval, "interval");
        this.sink = requireNonNull(sink, "sink");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval " + interval + " must be positive");
        }
    }

    Duration interval() {
        return interval;
    }

    /** Counts a dead letter, and writes the line now when none was written within the interval. */
    synchronized void deadLettered(DeadLetter deadLetter) {
        pendingByReason.merge(deadLetter.getReasonCode(), 1L, Long::sum);
        if (firstPending == null) {
            firstPending = "topic " + deadLetter.getTopic() + ", partition " + deadLetter.getPartition() + ", offset "
                    + deadLetter.getOffset() + ", " + code(deadLetter.getReasonCode()) + ": " + cut(deadLetter.getReason());
        }
        writeIfDue();
    }

    /** Writes the line of the dead letters not logged yet, if there are any and the interval since the last line has passed. */
    synchronized void writeIfDue() {
        if (pendingByReason.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (lastLine != null && now.isBefore(lastLine.plus(interval))) {
            return;
        }
        long count = pendingByReason.values().stream().mapToLong(Long::longValue).sum();
        StringJoiner reasons = new StringJoiner(", ", " (", ")");
        pendingByReason.forEach((reason, reasonCount) -> reasons.add(code(reason) + ": " + reasonCount));
        sink.accept(count + (count == 1 ? " input record" : " input records") + " dead-lettered to " + deadLetterTopic
                + (lastLine == null ? "" : " in the last " + Duration.between(lastLine, now).toSeconds() + " s") + reasons
                + "; first: " + firstPending + ". Counted in driftwatch.records.dead.letter; logged at most every "
                + interval.toSeconds() + " s");
        pendingByReason.clear();
        firstPending = null;
        lastLine = now;
    }

    private static String code(DeadLetterReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static String cut(String reason) {
        return reason.length() <= REASON_CHARS_MAX ? reason : reason.substring(0, REASON_CHARS_MAX) + "...";
    }
}
