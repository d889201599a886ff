package io.driftwatch.cli.tabular;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number straight from the bytes of a file, without making a String, because reading
 * millions of values is most of what {@code check} does. Numbers with at most 15 significant digits and
 * a decimal exponent within +-22 take Clinger's fast path (one exact multiplication or division of two
 * exactly-representable doubles, hence correctly rounded); everything else goes to
 * {@link Double#parseDouble}, so every result equals {@code Double.parseDouble} of the same text.
 * Not thread-safe: one instance per reading thread.
 */
final class DecimalParser {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_FAST_MANTISSA = 999_999_999_999_999L;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private double value;

    /** The value of the last successful {@link #parse}. */
    double value() {
        return value;
    }

    /**
     * Parses bytes {@code [start, end)}, ignoring surrounding spaces.
     *
     * @return false when the text is not a number (the value is then undefined)
     */
    boolean parse(byte[] bytes, int start, int end) {
        while (start < end && bytes[start] == ' ') {
            start++;
        }
        while (end > start && bytes[end - 1] == ' ') {
            end--;
        }
        if (start == end) {
            return false;
        }
        if (parseFast(bytes, start, end)) {
            return true;
        }
        // Double.parseDouble accepts "1d", "0x1p3", "Infinity" and other Java literals a CSV should not contain;
        // a label is turned away here, before any String is made of it.
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (!(b >= '0' && b <= '9') && b != '.' && b != '-' && b != '+' && b != 'e' && b != 'E') {
                return false;
            }
        }
        return parseSlow(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
    }

    boolean parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    private boolean parseFast(byte[] bytes, int start, int end) {
        int i = start;
        boolean negative = false;
        if (bytes[i] == '-' || bytes[i] == '+') {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                digits++;
                if (mantissa != 0 || b != '0') {
                    significant++;
                }
                if (significant > 15) {
                    return false;
                }
                mantissa = mantissa * 10 + (b - '0');
                if (seenPoint) {
                    fractionDigits++;
                }
            } else if (b == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        int exponent = -fractionDigits;
        if (i < end) {
            if (bytes[i] != 'e' && bytes[i] != 'E') {
                return false;
            }
            i++;
            boolean negativeExponent = false;
            if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            if (i == end) {
                return false;
            }
            int written = 0;
            for (; i < end; i++) {
                byte b = bytes[i];
                if (b < '0' || b > '9' || written > 1000) {
                    return false;
                }
                written = written * 10 + (b - '0');
            }
            exponent += negativeExponent ? -written : written;
        }
        if (mantissa > MAX_FAST_MANTISSA || exponent < -22 || exponent > 22) {
            return false;
        }
        double magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /** @param text only digits, signs, points and exponent letters */
    private boolean parseSlow(String text) {
        try {
            value = Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
