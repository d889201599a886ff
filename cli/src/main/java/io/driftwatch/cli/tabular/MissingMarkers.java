package io.driftwatch.cli.tabular;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The texts that mean "no value". An empty field is missing in every column; in a numeric column the usual
 * spellings of not-a-number and null are missing too. A categorical column keeps them as labels, since
 * "NA" is also a country code.
 */
final class MissingMarkers {
    private static final Set<String> NUMERIC_MISSING = Set.of(
            "nan", "NaN", "NAN", "NA", "N/A", "na", "n/a", "null", "NULL", "None", "none", "-nan", "inf", "-inf",
            "Infinity", "-Infinity", "+inf", "+Infinity");
    private static final byte[][] NUMERIC_MISSING_BYTES = NUMERIC_MISSING.stream()
            .map(marker -> marker.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
    /** The markers' first bytes: most labels are turned away by their first byte alone. */
    private static final boolean[] MARKER_FIRST_BYTES = new boolean[256];

    static {
        NUMERIC_MISSING.forEach(marker -> MARKER_FIRST_BYTES[marker.charAt(0)] = true);
    }

    private MissingMarkers() {
    }

    static boolean isNumericMissing(String text) {
        return text.isBlank() || NUMERIC_MISSING.contains(text.trim());
    }

    static boolean isNumericMissing(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return true;
        }
        if (length > 9) {
            return false;
        }
        byte first = bytes[start];
        boolean digitLike = (first >= '0' && first <= '9') || first == '.' || ((first == '-' || first == '+')
                && length > 1 && ((bytes[start + 1] >= '0' && bytes[start + 1] <= '9') || bytes[start + 1] == '.'));
        return !digitLike && (isBlank(bytes, start, end) || isMarker(bytes, start, end));
    }

    /** {@link String#isBlank()} of the bytes read as ISO-8859-1, without making the String. */
    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace((char) (bytes[i] & 0xFF))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes, {@link String#trim() trimmed} as ISO-8859-1 text, spell a marker, without making the String. */
    private static boolean isMarker(byte[] bytes, int start, int end) {
        while (start < end && (bytes[start] & 0xFF) <= ' ') {
            start++;
        }
        while (end > start && (bytes[end - 1] & 0xFF) <= ' ') {
            end--;
        }
        if (start == end || !MARKER_FIRST_BYTES[bytes[start] & 0xFF]) {
            return false;
        }
        for (byte[] marker : NUMERIC_MISSING_BYTES) {
            if (Arrays.equals(marker, 0, marker.length, bytes, start, end)) {
                return true;
            }
        }
        return false;
    }
}
