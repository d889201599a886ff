package io.driftwatch.stats.distribution;

/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic {@code D_n}, i.e. SciPy's
 * {@code kstwo.sf(d, n)}. The two-sample KS test uses it as its large-sample p-value with
 * {@code n = round(n1 n2 / (n1 + n2))}. commons-math3's {@code KolmogorovSmirnovDistribution} and
 * {@code approximateP} are other approximations and never match SciPy, hence this class.
 *
 * <p>It dispatches exactly as SciPy's {@code _kolmogn} ({@code scipy/stats/_ksstats.py}), following Simard and
 * L'Ecuyer, "Computing the two-sided Kolmogorov-Smirnov distribution", J. Stat. Softw. 39(11), 2011:
 * Ruben-Gambino closed forms near both ends, {@code 2 * smirnov(n, d)} ({@link SmirnovDistribution}) in the upper
 * tail, Durbin's matrix ({@code DurbinMatrix}) or Pomeranz's recursion ({@code PomeranzRecursion}) for small n,
 * and the Pelz-Good expansion ({@code PelzGoodApproximation}) for large n near the centre. Agrees with SciPy
 * to about 1e-10 relative; takes at most about 0.1 s (n near 10^6 in the upper tail, an O(n) sum).
 */
public final class KolmogorovDistribution {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Bernoulli-number Stirling coefficients B_2j / (2j (2j-1)), j = 8 .. 1 (SciPy's _STIRLING_COEFFS). */
    @SuppressWarnings("FloatingPointLiteralPrecision") // SciPy's digits as printed, to compare with it; each rounds to the same double
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
        7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /**
     * {@code P(D_n >= d)}.
     *
     * @param n sample size, at least 1
     * @param d the statistic; values outside (0, 1) give 1 or 0
     * @return the probability, in [0, 1]; NaN for NaN d
     */
    public static double sf(int n, double d) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (Double.isNaN(d)) {
            return Double.NaN;
        }
        return sf(n, d, KolmogorovBranch.of(n, d));
    }

    /**
     * {@link #sf} made non-increasing in d. Where SciPy hands over from one method to the next its value can jump
     * up, by up to 3e-6 relative at the two ends of the Pelz-Good approximation and by rounding between exact
     * methods. Here, past such a hand-over, the value is capped at the previous method's value just before it:
     * it equals SciPy's except on the short stretch where SciPy's exceeds that cap, and then by less than the jump.
     * Costs one extra cheap evaluation (at most about 10 ms, Durbin's matrix at n = 100,000) inside those branches.
     *
     * @param n sample size, at least 1
     * @param d the statistic
     * @return the probability, in [0, 1]; NaN for NaN d
     */
    public static double monotoneSf(int n, double d) {
        double p = sf(n, d);
        if (Double.isNaN(p) || p == 0) {
            return p;
        }
        KolmogorovBranch branch = KolmogorovBranch.of(n, d);
        if (!branch.mayJumpUpOnEntry()) {
            return p;
        }
        double before = lastValueBefore(n, d, branch);
        return Math.min(p, sf(n, before, KolmogorovBranch.of(n, before)));
    }

    /** The largest double below d whose branch differs from d's, by bisection on the ordered bit patterns. */
    private static double lastValueBefore(int n, double d, KolmogorovBranch branch) {
        long outside = Double.doubleToRawLongBits(0.0);
        long inside = Double.doubleToRawLongBits(d);
        while (inside - outside > 1) {
            long middle = outside + (inside - outside) / 2;
            if (KolmogorovBranch.of(n, Double.longBitsToDouble(middle)) == branch) {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        return Double.longBitsToDouble(outside);
    }

    private static double sf(int n, double d, KolmogorovBranch branch) {
        return switch (branch) {
            case ONE -> 1;
            case ZERO -> 0;
            case RUBEN_GAMBINO_LOW -> clip(1 - rubenGambinoLowerCdf(n, n * d));
            case RUBEN_GAMBINO_HIGH -> clip(2 * Math.pow(1.0 - d, n));
            case SMIRNOV -> clip(2 * SmirnovDistribution.sf(n, d));
            case DURBIN -> clip(1 - DurbinMatrix.cdf(n, d));
            case POMERANZ -> clip(1 - PomeranzRecursion.cdf(n, d));
            case PELZ_GOOD -> clip(1 - PelzGoodApproximation.cdf(n, d));
        };
    }

    /** Ruben-Gambino: {@code P(D_n <= t/n) = n!/n^n (2t-1)^n} for {@code 1/2 <= t <= 1}. */
    private static double rubenGambinoLowerCdf(int n, double t) {
        if (n <= 140) {
            double product = 1;
            for (int i = 1; i <= n; i++) {
                product *= i * (1.0 / n) * (2 * t - 1);
            }
            return product;
        }
        return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }

    /** {@code log(n!/n^n)} by Stirling's series with the {@code n log n} removed up front (no cancellation). */
    private static double logFactorialOverPower(int n) {
        double reciprocal = 1.0 / n;
        double square = reciprocal / n;
        double series = 0;
        for (double coefficient : STIRLING) {
            series = series * square + coefficient;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + reciprocal * series;
    }

    private static double clip(double probability) {
        return Math.max(0, Math.min(1, probability));
    }
}
