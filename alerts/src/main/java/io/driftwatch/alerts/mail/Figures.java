package io.driftwatch.alerts.mail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as a person reads them on a phone: four significant digits, no exponent in the usual range. */
final class Figures {
    private Figures() {
    }

    static String of(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e9)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        String plain = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /**
     * A p-value: below 1e-4 in two significant digits with an exponent ({@code 1.2e-08}), since how small it is
     * matters and its later digits do not; otherwise as {@link #of}.
     */
    static String pValue(double pValue) {
        if (pValue > 0 && pValue < 1e-4) {
            return String.format(Locale.ROOT, "%.1e", pValue);
        }
        return of(pValue);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
