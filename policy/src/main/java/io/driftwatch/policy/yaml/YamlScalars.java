package io.driftwatch.policy.yaml;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How driftwatch writes a string or a number into policy YAML so that any YAML reader, 1.1 or 1.2, reads back the
 * same value: a string is left plain only when it is a plain word no reader could take for a boolean, a null or a
 * number, else double-quoted with escapes; a number is written in plain decimal notation, since YAML 1.1 reads
 * {@code 1.0E7} (no sign in the exponent) as a string. One rule for every policy YAML driftwatch prints
 * ({@code policy show}, {@code policy infer}).
 */
public final class YamlScalars {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]*");
    // Digits then letters (1d, 30m, 500ms, v-less sizes): no YAML number, unless the letters make it one in base 16, 8 or 2.
    private static final Pattern DIGITS_WITH_UNIT = Pattern.compile("[0-9]+[A-Za-z]+");
    private static final Pattern RADIX_PREFIX = Pattern.compile("0[xXoObB].*");
    // YAML 1.1's booleans and nulls in every case spelling readers accept; "y" and "n" included, as SnakeYAML's
    // resolver is not alone in reading them.
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y",
            "n", "~");

    private YamlScalars() {
    }

    /**
     * {@code text} as a YAML scalar: plain when it holds only letters, digits and {@code _.@+-}, starts with a letter
     * or underscore (or is digits with a unit, {@code 1d}), and is no YAML word ({@code yes}, {@code off},
     * {@code null}...); double-quoted otherwise, so {@code 0123}, {@code 0x1f}, {@code 1e5}, {@code 2024-06-01},
     * {@code a: b} and {@code #x} stay strings.
     */
    public static String string(String text) {
        boolean plain = PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))
                && (!Character.isDigit(text.charAt(0))
                || (DIGITS_WITH_UNIT.matcher(text).matches() && !RADIX_PREFIX.matcher(text).matches()));
        return plain ? text : quoted(text);
    }

    /**
     * A finite number in plain decimal notation ({@code 250000}, {@code 0.0123}), with the digits of
     * {@link Double#toString}, so it reads back as the same double.
     *
     * @throws IllegalArgumentException when {@code value} is NaN or infinite, which a policy never holds
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a policy number must be finite, got " + value);
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
