package io.driftwatch.cli.tabular;

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
        return !digitLike && isNumericMissing(new String(bytes, start, length, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
