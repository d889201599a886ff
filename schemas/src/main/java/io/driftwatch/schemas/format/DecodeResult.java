package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.DeadLetterReason;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of decoding one record: the value, or why it could not be read. A failure is data, not an
 * exception, because it is expected (a poison pill) and must reach the dead-letter topic with its reason
 * while processing goes on.
 *
 * @param <T> the decoded record type
 */
public sealed interface DecodeResult<T> {

    static <T> DecodeResult<T> decoded(T value) {
        return new Decoded<>(value);
    }

    static <T> DecodeResult<T> failed(DeadLetterReason code, String reason) {
        return new Failed<>(code, reason);
    }

    /** A record that was read. */
    record Decoded<T>(T value) implements DecodeResult<T> {
        public Decoded {
            requireNonNull(value, "value");
        }
    }

    /**
     * A record that could not be read.
     *
     * @param code   bounded category, used as a metric tag
     * @param reason for a person, e.g. {@code truncated Avro record at byte 17}
     */
    record Failed<T>(DeadLetterReason code, String reason) implements DecodeResult<T> {
        public Failed {
            requireNonNull(code, "code");
            requireNonNull(reason, "reason");
        }
    }
}
