package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.record.DeadLetter;
import org.jspecify.annotations.Nullable;

/**
 * What decoding one input record produced: the record, or its dead letter. Lives only between the decode
 * processor and the branch that routes dead letters to their topic; it is never serialized.
 */
public record IngestResult<T>(@Nullable T value, @Nullable DeadLetter deadLetter) {
    public IngestResult {
        if ((value == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of value and deadLetter must be set");
        }
    }

    static <T> IngestResult<T> ok(T value) {
        return new IngestResult<>(value, null);
    }

    static <T> IngestResult<T> dead(DeadLetter deadLetter) {
        return new IngestResult<>(null, deadLetter);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }
}
