package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.DeadLetterReason;

/**
 * Carries a bad record's reason out of a deep walk over its bytes or values. It never leaves this
 * package: the decoders turn it into a {@link DecodeResult.Failed}. No stack trace, because it is an
 * expected outcome, not a bug.
 */
final class RecordFault extends Exception {
    private final DeadLetterReason code;
    private final String reason;

    RecordFault(DeadLetterReason code, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.reason = reason;
    }

    <T> DecodeResult<T> toResult() {
        return DecodeResult.failed(code, reason);
    }
}
