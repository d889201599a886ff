package io.driftwatch.schemas.format;

import java.util.Locale;

/**
 * Guesses, from its first bytes, which format a record is really in, so that a wrong-magic-byte failure
 * can say "this looks like JSON" instead of leaving the user to hexdump the topic.
 */
final class FormatHint {

    private FormatHint() {
    }

    /** A clause to append to a reason ("; it looks like ..."), or empty when nothing is recognisable. */
    static String of(byte[] bytes) {
        String avro = avroOnly(bytes);
        return avro.isEmpty() && looksLikeJson(bytes) ? "; it looks like JSON: configure that format for this topic"
                : avro;
    }

    /** Like {@link #of}, for the JSON decoder itself: only the Avro formats are worth pointing out. */
    static String avroOnly(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xC3 && bytes[1] == 0x01) {
            return "; it looks like Avro single-object encoding (C3 01): configure that format for this topic";
        } else if (bytes.length >= 5 && bytes[0] == 0) {
            return "; it looks like Confluent Avro (magic byte 0): configure that format for this topic";
        }
        return "";
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{' || b == '[') {
                return true;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    static String hex(byte b) {
        return String.format(Locale.ROOT, "0x%02X", b & 0xff);
    }
}
