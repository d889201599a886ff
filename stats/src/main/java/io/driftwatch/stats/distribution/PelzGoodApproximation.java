package io.driftwatch.stats.distribution;

/**
 * Approximate CDF of the two-sided one-sample Kolmogorov-Smirnov statistic, {@code P(D_n <= x)}, by the
 * Pelz-Good expansion: the Li-Chien/Korolyuk series {@code K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5} with
 * {@code z = x sqrt(n)}, each term transformed through the Jacobi theta functional equation into a form that
 * converges fast for small z. It is SciPy's {@code _kolmogn_PelzGood} ({@code scipy/stats/_ksstats.py}), the
 * branch Simard and L'Ecuyer recommend for n > 140 where the exact methods are too slow.
 *
 * <p>Reference: Pelz, Good (1976), "Approximating the lower tail-areas of the Kolmogorov-Smirnov one-sample
 * statistic", J. R. Statist. Soc. B 38(2), 152-156.
 */
final class PelzGoodApproximation {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = PI_SQUARED * PI_SQUARED;
    private static final double PI_SIX = PI_FOUR * PI_SQUARED;
    private static final double MIN_LOG = -708;

    private PelzGoodApproximation() {
    }

    /** {@code P(D_n <= x)}, not clipped (the caller clips the survival function it derives). */
    static double cdf(int n, double x) {
        if (x <= 0.0) {
            return 0;
        }
        if (x >= 1.0) {
            return 1;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qLog = -PI_SQUARED / 8 / z2;
        if (qLog < MIN_LOG) {
            return 0;
        }
        double q = Math.exp(qLog);

        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * z2) / 16;
        double k3d = PI_SIX * (5 - 30 * z2) / 64;
        double k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);

        // Horner scheme over odd m = 2k-1 of c_m q^(m^2).
        double[] terms = new double[4];
        int maxK = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxK; k > 0; k--) {
            double m = 2 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qPower = Math.pow(q, 8 * k);
            terms[0] = terms[0] * qPower + 1.0;
            terms[1] = terms[1] * qPower + (k1a + k1b * m2);
            terms[2] = terms[2] * qPower + (k2a + k2b * m2 + k2c * m4);
            terms[3] = terms[3] * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            terms[i] = terms[i] * q * SQRT_2PI / divisors[i];
        }

        // The remaining sums over all k of K2 and K3; no cancellation to guard against.
        double qAll = Math.exp(-PI_SQUARED / 2 / z2);
        double k2Extra = 0;
        double k3Extra = 0;
        double sqrt3z = SQRT3 * z;
        for (int k = maxK; k > 0; k--) {
            double k2 = (double) k * k;
            double qPower = Math.pow(qAll, k2);
            double kPi = Math.PI * k;
            k2Extra += k2 * qPower;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
        }
        terms[2] += k2Extra * (PI_SQUARED * SQRT_2PI / (-36 * z3));
        terms[3] += k3Extra * (PI_SQUARED * SQRT_2PI / (216 * z6));
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += terms[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }
}
