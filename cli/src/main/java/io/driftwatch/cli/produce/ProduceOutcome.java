package io.driftwatch.cli.produce;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What a {@code produce} run did: how many of the file's records the broker acknowledged, how many bytes
 * were sent and how long it took (first send to last acknowledgement).
 *
 * @param records      records made from the file
 * @param acknowledged records the broker acknowledged; the rest failed or were never sent
 * @param bytes        bytes of keys and values sent
 * @param firstError   the first failure, for the report; null when none
 */
public record ProduceOutcome(String topic, long records, long acknowledged, long bytes, @Nullable String firstError,
                             Duration elapsed) {
    public ProduceOutcome {
        requireNonNull(topic, "topic");
        requireNonNull(elapsed, "elapsed");
    }

    /** Records not acknowledged: failed, or not sent after a failure. */
    public long failed() {
        return records - acknowledged;
    }

    public double recordsPerSecond() {
        return elapsed.isZero() ? 0 : acknowledged / (elapsed.toNanos() / 1e9);
    }

    /** One line: records, bytes, seconds, records per second. */
    public String summary() {
        return String.format(Locale.ROOT, "produced %d records to topic '%s': %d bytes in %.2f s, %.0f records/s",
                acknowledged, topic, bytes, elapsed.toNanos() / 1e9, recordsPerSecond());
    }

    /** What failed, when something did: how many records and the first error. */
    public String failure() {
        return String.format(Locale.ROOT, "%d of %d records were not acknowledged by topic '%s'; first error: %s",
                failed(), records, topic, firstError == null ? "none reported (sending stopped early)" : firstError);
    }
}
