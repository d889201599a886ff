package io.driftwatch.stats.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * How a finding's detail writes its figures, so every finding of a report reads alike whichever check made
 * it: shares as percentages with one decimal, numbers with at most six significant digits, and a list of
 * names cut after {@value #NAMES_SHOWN}. Stateless.
 */
public final class FindingText {
    /** Names listed in a finding's detail before it says "and N more". */
    public static final int NAMES_SHOWN = 10;

    private FindingText() {
    }

    /** A share in [0, 1] as a percentage with one decimal: {@code 0.0123} is "1.2%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** At most six significant digits, without trailing zeros: 233687, 0.2, 1.5E-7. */
    public static String shortNumber(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale();
        return magnitude > -4 && magnitude <= 9 ? rounded.toPlainString() : rounded.toString();
    }

    /** The values quoted and comma-separated, the first {@value #NAMES_SHOWN} of them, then "and N more". */
    public static String names(List<String> values) {
        List<String> quoted = values.stream().limit(NAMES_SHOWN).map(v -> "'" + v + "'").toList();
        String shown = String.join(", ", quoted);
        return values.size() > NAMES_SHOWN ? shown + " and " + (values.size() - NAMES_SHOWN) + " more" : shown;
    }
}
