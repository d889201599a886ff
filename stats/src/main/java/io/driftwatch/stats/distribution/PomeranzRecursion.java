package io.driftwatch.stats.distribution;

import java.util.Arrays;

/**
 * Exact CDF of the two-sided one-sample Kolmogorov-Smirnov statistic, {@code P(D_n <= d)}, by Pomeranz's
 * recursion: 2n+1 rows, each the convolution of a short window of the previous row with one of three truncated
 * Poisson weight vectors, rescaled by powers of 2^128 against underflow. It is SciPy's
 * {@code _kolmogn_Pomeranz} ({@code scipy/stats/_ksstats.py}), used for n <= 140 and
 * {@code 0.754693 < n d^2 <= 4}.
 *
 * <p>Reference: Pomeranz (1974), "Exact cumulative distribution of the Kolmogorov-Smirnov statistic for small
 * samples (Algorithm 487)", Commun. ACM 17(12), 703-704. Cost O(n (n d)^2).
 */
final class PomeranzRecursion {
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SCALE_DOWN = Math.scalb(1.0, -SCALE_EXPONENT);

    private PomeranzRecursion() {
    }

    /** {@code P(D_n <= d)}, clipped to [0, 1]. */
    static double cdf(int n, double d) {
        double t = n * d;
        int whole = (int) Math.floor(t);
        double fraction = t - whole;
        double g = Math.min(fraction, 1.0 - fraction);
        int ceilFraction = fraction > 0 ? 1 : 0;
        int roundFraction = fraction > 0.5 ? 1 : 0;
        int powerCount = 2 * (whole + 1);
        double[] gPowers = scaledPowers(g / n, powerCount);
        double[] twoGPowers = scaledPowers(2 * g / n, powerCount);
        double[] oneMinusTwoGPowers = scaledPowers((1 - 2 * g) / n, powerCount);

        double[] previous = new double[powerCount];
        double[] row = new double[powerCount];
        row[0] = 1;
        int previousStart = 0;
        int rowStart = 0;
        int exponent = 0;
        int[] window = window(0, n, whole, ceilFraction, roundFraction);
        for (int i = 1; i < 2 * n + 2; i++) {
            int previousLow = window[0];
            double[] swap = previous;
            previous = row;
            row = swap;
            int swapStart = previousStart;
            previousStart = rowStart;
            rowStart = swapStart;
            Arrays.fill(row, 0.0);
            window = window(i, n, whole, ceilFraction, roundFraction);
            double[] powers = (i == 1 || i == 2 * n + 1) ? gPowers : (i % 2 == 1 ? twoGPowers : oneMinusTwoGPowers);
            int length = window[1] - previousLow + 1;
            if (length > 0) {
                convolve(previous, previousLow - previousStart, powers, length,
                        window[0] - previousLow, window[1] - window[0] + 1, row);
                double max = 0;
                for (double value : row) {
                    max = Math.max(max, value);
                }
                if (max > 0 && max < SCALE_DOWN) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] *= SCALE_UP;
                    }
                    exponent -= SCALE_EXPONENT;
                }
                rowStart = previousStart + window[0] - previousLow;
            }
        }
        double answer = row[n - rowStart];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(answer) > SCALE_UP) {
                answer *= SCALE_DOWN;
                exponent += SCALE_EXPONENT;
            }
            answer *= m;
        }
        return Math.max(0, Math.min(1, Math.scalb(answer, exponent)));
    }

    /** {@code base^m / m!} for m = 0 .. count-1: Poisson probabilities without their normalizing factor. */
    private static double[] scaledPowers(double base, int count) {
        double[] powers = new double[count];
        powers[0] = 1.0;
        for (int m = 1; m < count; m++) {
            powers[m] = powers[m - 1] * base / m;
        }
        return powers;
    }

    /**
     * Writes entries {@code first .. first+count-1} of the full convolution of
     * {@code source[offset .. offset+length)} (truncated at the array's end) with {@code powers[0 .. length)}
     * into {@code target[0 .. count)}.
     */
    private static void convolve(double[] source, int offset, double[] powers, int length,
                                 int first, int count, double[] target) {
        int sourceLength = Math.min(length, source.length - offset);
        int powersLength = Math.min(length, powers.length);
        for (int r = 0; r < count; r++) {
            int c = first + r;
            double sum = 0;
            int low = Math.max(0, c - powersLength + 1);
            int high = Math.min(c, sourceLength - 1);
            for (int a = low; a <= high; a++) {
                sum += source[offset + a] * powers[c - a];
            }
            target[r] = sum;
        }
    }

    /** The first and last non-zero column of row i, as SciPy's {@code _pomeranz_compute_j1j2}. */
    private static int[] window(int i, int n, int whole, int ceilFraction, int roundFraction) {
        int low;
        int high;
        if (i == 0) {
            low = -whole - ceilFraction - 1;
            high = whole + ceilFraction - 1;
        } else {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0) {
                if (half == n + 1) {
                    low = n - whole - ceilFraction - 1;
                    high = n + whole + ceilFraction - 1;
                } else {
                    low = half - 1 - whole - roundFraction - 1;
                    high = half + whole - 1 + ceilFraction - 1;
                }
            } else {
                low = half - 1 - whole - 1;
                high = half + whole + roundFraction - 1;
            }
        }
        return new int[] {Math.max(low + 2, 0), Math.min(high, n)};
    }
}
