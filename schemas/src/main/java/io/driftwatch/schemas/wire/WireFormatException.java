package io.driftwatch.schemas.wire;

import io.driftwatch.schemas.SchemaException;
import io.driftwatch.schemas.record.DeadLetterReason;

import static java.util.Objects.requireNonNull;

/**
 * A value that is not in the Confluent wire format. The record is at fault, never the environment, so it
 * goes to the dead-letter topic with {@link #reasonCode()} as its category and the message as its reason.
 */
public final class WireFormatException extends SchemaException {
    private final DeadLetterReason reasonCode;

    public WireFormatException(DeadLetterReason reasonCode, String message) {
        super(message);
        this.reasonCode = requireNonNull(reasonCode, "reasonCode");
    }

    /** The bounded category of the failure ({@code TRUNCATED} or {@code BAD_MAGIC_BYTE}). */
    public DeadLetterReason reasonCode() {
        return reasonCode;
    }
}
