package io.driftwatch.stats.distribution;

/**
 * Exact survival function of the one-sided Kolmogorov-Smirnov statistic, {@code P(D+_n >= x)} for a sample of
 * size n, which the two-sided Kolmogorov distribution uses as {@code 2 * smirnov(n, x)} in its upper tail.
 * commons-math3 has no one-sided distribution, hence this class.
 *
 * <p>It evaluates the Smirnov (1944) / Birnbaum-Tingey (1951) sum
 * {@code P(D+_n >= x) = x * sum_{v=0}^{floor(n(1-x))} C(n,v) (x+v/n)^(v-1) (1-x-v/n)^(n-v)}, with the special
 * cases, the large-n approximation and the early-stopping rule of SciPy's {@code scipy.special.smirnov}
 * (cephes {@code kolmogorov.h}; van Mulbregt, "Computing the CDF and quantiles of the one-sided
 * Kolmogorov-Smirnov statistic", arXiv:1802.06966). SciPy sums in double-double arithmetic; here every term is
 * positive, so each one is evaluated in log space with the binomial coefficient carried as a mantissa and a
 * binary exponent, which keeps the relative error near 1e-10 for n up to 10^6 (SciPy agrees to that precision).
 * SciPy switches to an alternating "upper" sum when the CDF is tiny; that sum only improves the CDF, so the
 * survival function here always uses the positive lower sum.
 *
 * <p>Cost is O(n) for {@code x} near {@code 1/sqrt(n)} (about 40 ms at n = 500,000).
 */
public final class SmirnovDistribution {
    /** Above this n, SciPy uses the approximation {@code exp(-(6nx+1)^2 / 18n)}. */
    private static final int MAX_COMPUTE_N = 1_000_000;
    /** cephes MINLOG: exp of anything smaller underflows. */
    @SuppressWarnings("FloatingPointLiteralPrecision") // cephes's digits as printed, to compare with it; it rounds to the same double
    private static final double MIN_LOG = -7.08396418532264106224E2;
    private static final double EPSILON = Math.ulp(1.0);
    private static final double LN2 = Math.log(2);

    private SmirnovDistribution() {
    }

    /**
     * {@code P(D+_n >= x)}.
     *
     * @param n sample size, at least 1
     * @param x the statistic, in [0, 1]; NaN outside
     * @return the probability, in [0, 1]
     */
    public static double sf(int n, double x) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (!(x >= 0 && x <= 1)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0) {
            return 1;
        }
        if (x == 1) {
            return 0;
        }
        ExactProduct nx = ExactProduct.of(n, x);
        if (nx.whole() == 0 || (nx.whole() == 1 && nx.fraction() == 0)) {
            return clip(1 - x * Math.exp((n - 1) * Math.log1p(x)));
        }
        if (-2.0 * n * x * x < MIN_LOG) {
            return 0;
        }
        if (nx.whole() >= n - 1) {
            return clip(Math.pow(1 - x, n));
        }
        if (n > MAX_COMPUTE_N) {
            double logP = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return clip(logP < -LN2 ? Math.exp(logP) : 1 + Math.expm1(logP));
        }
        // Terms up to v = floor(n(1-x)); when n*x is an integer the last of those is zero and is skipped.
        return clip(x * lowerSum(n, x, nx, (int) (n - nx.whole())));
    }

    /**
     * {@code n x} split exactly into its floor and fractional part (SciPy's {@code modNX}): the term indices and
     * the bases {@code x + v/n} hinge on them.
     */
    private record ExactProduct(long whole, double fraction) {
        static ExactProduct of(int n, double x) {
            double product = n * x;
            double productError = Math.fma(n, x, -product);
            double floor = Math.floor(product);
            double fraction;
            if (floor == product && productError < 0) {
                floor -= 1;
                fraction = 1 + productError;
            } else {
                fraction = (product - floor) + productError;
            }
            return fraction >= 1 ? new ExactProduct((long) floor + 1, 0) : new ExactProduct((long) floor, fraction);
        }
    }

    /** {@code sum_v A_v} for v = 0 .. termCount-1, stopping early by SciPy's rule. */
    private static double lowerSum(int n, double x, ExactProduct nx, int termCount) {
        double sum = Math.exp(n * Math.log1p(-x) - Math.log(x));
        double compensation = 0;
        int binomialExponent = Math.getExponent((double) n);
        double binomialMantissa = Math.scalb((double) n, -binomialExponent);
        int middle = n / 2;
        for (int v = 1; v < termCount; v++) {
            double y = (nx.whole() + v + nx.fraction()) / n;
            double logTerm = (v - 1) * Math.log(y) + (n - v) * Math.log1p(-y)
                    + binomialExponent * LN2;
            double term = binomialMantissa * Math.exp(logTerm);
            if (term != 0 && Double.isFinite(term)) {
                double next = sum + term;
                compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
                sum = next;
            }
            if (term != 0) {
                if (4.0 * (termCount - v) * term < EPSILON * sum && v != termCount - 1) {
                    break;
                }
            } else if (v > middle) {
                break;
            }
            binomialMantissa = binomialMantissa * (n - v) / (v + 1);
            // Keep the mantissa in [1, 2) so that a term underflows only when the term itself does.
            int exponent = Math.getExponent(binomialMantissa);
            binomialMantissa = Math.scalb(binomialMantissa, -exponent);
            binomialExponent += exponent;
        }
        return sum + compensation;
    }

    private static double clip(double probability) {
        return Math.max(0, Math.min(1, probability));
    }
}
