package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Carries a user record's mapping failure out of the field readers. It never leaves this package: the
 * mappings turn it into a {@link DecodeResult.Failed}. No stack trace, because a bad record is an
 * expected outcome, not a bug.
 */
final class MappingFault extends Exception {
    private static final int MAX_NAME_CHARS = 64;

    private final DeadLetterReason code;

    MappingFault(DeadLetterReason code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    <T> DecodeResult<T> toResult() {
        return DecodeResult.failed(code, String.valueOf(getMessage()));
    }

    /** A name from the record, quoted and cut short: record data must not flood a reason. */
    static String quote(String name) {
        return "'" + (name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS - 3) + "...") + "'";
    }

    /** What a value is, for "is a string, expected a number". */
    static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long || value instanceof Double) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof byte[]) {
            return "bytes";
        }
        return "a timestamp";
    }
}
