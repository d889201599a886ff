package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;

/**
 * Builds the dead letter of an input record: its original bytes, where it came from, and why it could
 * not be read, so it can be inspected and replayed once fixed. Original keys and values longer than
 * {@link #ORIGINAL_BYTES_MAX} are kept only up to that many bytes, and the reason says so: a dead letter
 * carrying a whole input record near the broker's 1 MB message limit was itself too large to write, the
 * stream thread failed on it, and its replacement met the same record again, so the service stopped
 * making progress (found by the input-limits reliability test).
 */
final class DeadLetters {
    /** Half the producer's and the broker's default 1 MiB limit, leaving room for the rest of the dead letter. */
    static final int ORIGINAL_BYTES_MAX = 512 * 1024;

    private DeadLetters() {
    }

    static DeadLetter of(RecordMetadata source, long recordTimestampMillis, byte @Nullable [] key, byte @Nullable [] value,
                         DeadLetterReason reason, String detail, Clock clock) {
        return DeadLetter.newBuilder()
                .setTopic(source.topic())
                .setPartition(source.partition())
                .setOffset(source.offset())
                .setRecordTime(Instant.ofEpochMilli(recordTimestampMillis))
                .setDeadLetteredAt(clock.instant())
                .setReasonCode(reason)
                .setReason(detail + cutNote("key", key) + cutNote("value", value))
                .setOriginalKey(kept(key))
                .setOriginalValue(kept(value))
                .build();
    }

    private static @Nullable ByteBuffer kept(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        return ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, ORIGINAL_BYTES_MAX)).slice();
    }

    private static String cutNote(String what, byte @Nullable [] bytes) {
        return bytes == null || bytes.length <= ORIGINAL_BYTES_MAX ? ""
                : " (original " + what + " of " + bytes.length + " bytes kept only up to its first " + ORIGINAL_BYTES_MAX + ")";
    }

    /** The dead letter's key: where the record was, unique per input record, so a replay overwrites rather than repeats. */
    static String keyOf(DeadLetter deadLetter) {
        return deadLetter.getTopic() + "/" + deadLetter.getPartition() + "/" + deadLetter.getOffset();
    }
}
