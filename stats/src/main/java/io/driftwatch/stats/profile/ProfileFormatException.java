package io.driftwatch.stats.profile;

/**
 * Bytes that are not a profile this build can read: truncated, of an unknown format version, or with
 * contents that contradict each other. The message names the field and byte offset that failed, so a
 * corrupt state-store or baseline record can be located and discarded.
 */
public final class ProfileFormatException extends IllegalArgumentException {
    ProfileFormatException(String message) {
        super(message);
    }

    ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
