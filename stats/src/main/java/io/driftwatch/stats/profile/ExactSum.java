package io.driftwatch.stats.profile;

import java.util.Arrays;

/**
 * The exact sum of a stream of doubles, held as non-overlapping partials in increasing magnitude
 * (Shewchuk, "Adaptive Precision Floating-Point Arithmetic", 1997; the algorithm of Python's
 * {@code math.fsum}). Because nothing is rounded away, the sum does not depend on the order of the
 * additions or on how a stream was split and merged, and {@link #value()} is the correctly rounded sum.
 * A sum whose intermediate values leave the double range is marked overflowed and reports NaN.
 * Not thread-safe.
 */
final class ExactSum {
    /** Codec marker for an overflowed sum; the partial count never comes close (at most ~40 for doubles). */
    static final int OVERFLOWED = 255;

    private double[] partials = new double[4];
    private int size;
    private boolean overflowed;

    void add(double x) {
        if (overflowed) {
            return;
        }
        if (!Double.isFinite(x)) {
            markOverflowed();
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            double y = partials[i];
            if (Math.abs(x) < Math.abs(y)) {
                double swap = x;
                x = y;
                y = swap;
            }
            double high = x + y;
            double low = y - (high - x);
            if (low != 0.0) {
                partials[kept++] = low;
            }
            x = high;
        }
        if (!Double.isFinite(x)) {
            markOverflowed();
            return;
        }
        // Zero partials are dropped so that equal sums have the same partials whatever the order.
        if (x != 0.0) {
            if (kept == partials.length) {
                partials = Arrays.copyOf(partials, kept * 2);
            }
            partials[kept++] = x;
        }
        size = kept;
    }

    /** Adds x*y exactly: the rounded product plus its rounding error, which {@link Math#fma} gives exactly. */
    void addProduct(double x, double y) {
        double product = x * y;
        if (!Double.isFinite(product)) {
            markOverflowed();
            return;
        }
        add(product);
        add(Math.fma(x, y, -product));
    }

    void addAll(ExactSum other) {
        if (other.overflowed) {
            markOverflowed();
            return;
        }
        for (int i = 0; i < other.size; i++) {
            add(other.partials[i]);
        }
    }

    boolean isOverflowed() {
        return overflowed;
    }

    /** The partials, smallest magnitude first; empty for a zero sum. */
    double[] partials() {
        return Arrays.copyOf(partials, size);
    }

    /**
     * Restores a sum from partials that {@link #partials()} produced, verbatim: adding them one by one
     * could regroup them, and the codec's bytes must survive a round trip unchanged.
     */
    static ExactSum ofPartials(double[] partials) {
        ExactSum sum = new ExactSum();
        sum.partials = partials.length == 0 ? new double[4] : partials.clone();
        sum.size = partials.length;
        return sum;
    }

    static ExactSum overflowedSum() {
        ExactSum sum = new ExactSum();
        sum.markOverflowed();
        return sum;
    }

    /** The exact sum rounded once to the nearest double (ties to even); NaN if overflowed. */
    double value() {
        if (overflowed) {
            return Double.NaN;
        }
        if (size == 0) {
            return 0.0;
        }
        int index = size - 1;
        double high = partials[index];
        double low = 0.0;
        while (index > 0) {
            double x = high;
            double y = partials[--index];
            high = x + y;
            low = y - (high - x);
            if (low != 0.0) {
                break;
            }
        }
        // The rest of the partials only matter when high + low sits exactly halfway between two doubles:
        // then their sign decides the rounding direction (as in CPython's math_fsum).
        if (index > 0 && ((low < 0.0 && partials[index - 1] < 0.0) || (low > 0.0 && partials[index - 1] > 0.0))) {
            double doubled = low * 2.0;
            double x = high + doubled;
            if (doubled == x - high) {
                high = x;
            }
        }
        return high;
    }

    private void markOverflowed() {
        overflowed = true;
        size = 0;
    }
}
