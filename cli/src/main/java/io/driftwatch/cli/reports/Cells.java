package io.driftwatch.cli.reports;

import java.util.Locale;

/** How numbers look in the reports tables: four decimals, or three significant digits in exponent form when tiny or huge. */
final class Cells {
    private Cells() {
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0 || (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6)) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
