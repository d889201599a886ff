package io.driftwatch.stats.distribution;

/**
 * The limiting (n to infinity) distribution of the Cramer-von Mises statistic, to which the two-sample test
 * refers its standardized statistic. commons-math3 has none, hence this class.
 *
 * <p>The CDF is the series of Csorgo and Faraway (1996), eq. 1.3,
 * {@code F(x) = sum_k Gamma(k+1/2) / (Gamma(k+1) pi^1.5 sqrt(x)) sqrt(4k+1) exp(-q_k) K_{1/4}(q_k)} with
 * {@code q_k = (4k+1)^2 / (16x)}, summed exactly as SciPy's {@code _cdf_cvm_inf} does: term by term until the
 * first term below 1e-7 in absolute value has been added. Like SciPy, it is not meant for x above about 4,
 * where the CDF is within 1e-9 of 1 and {@code 1 - F} keeps only a few digits; those digits agree with SciPy
 * because every term is rounded the same way (see {@link ModifiedBesselK}).
 *
 * <p>Reference: Csorgo, Faraway (1996), "The exact and asymptotic distributions of Cramer-von Mises statistics",
 * J. R. Statist. Soc. B 58(1), 221-234.
 */
public final class CramerVonMisesLimit {
    private static final double STOP_BELOW = 1e-7;
    private static final double PI_POW_1_5 = Math.pow(Math.PI, 1.5);

    private CramerVonMisesLimit() {
    }

    /**
     * The limiting CDF at {@code x}.
     *
     * @param x a positive value of the statistic
     * @return the probability; may exceed 1 by rounding for large x, as SciPy's does
     */
    public static double cdf(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("the Cramer-von Mises limit CDF needs a positive finite x, got " + x);
        }
        double total = 0.0;
        double gammaRatio = Math.sqrt(Math.PI);
        double scale = PI_POW_1_5 * Math.sqrt(x);
        for (int k = 0; ; k++) {
            if (k > 0) {
                gammaRatio = gammaRatio * (k - 0.5) / k;
            }
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double term = gammaRatio / scale * Math.sqrt(y) * Math.exp(-q) * ModifiedBesselK.k(0.25, q);
            total += term;
            if (Math.abs(term) < STOP_BELOW) {
                return total;
            }
        }
    }

    /**
     * {@code 1 - cdf(x)} clipped at 0, the p-value SciPy's {@code cramervonmises_2samp} reports: exactly 1 below
     * x = 0.003, where the CDF is under 1.3e-18.
     */
    public static double sf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0.003) {
            return 1.0;
        }
        return Math.max(1.0 - cdf(x), 0.0);
    }
}
