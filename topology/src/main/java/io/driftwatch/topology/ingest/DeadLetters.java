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
 * not be read, so it can be inspected and replayed once fixed.
 */
final class DeadLetters {
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
                .setReason(detail)
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .build();
    }

    /** The dead letter's key: where the record was, unique per input record, so a replay overwrites rather than repeats. */
    static String keyOf(DeadLetter deadLetter) {
        return deadLetter.getTopic() + "/" + deadLetter.getPartition() + "/" + deadLetter.getOffset();
    }
}
