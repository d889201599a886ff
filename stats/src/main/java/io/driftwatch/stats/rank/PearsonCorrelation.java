package io.driftwatch.stats.rank;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.Optional;

/**
 * Pearson's r of two series and its two-sided p-value, as SciPy's {@code pearsonr} gives them: pairs with a NaN on
 * either side are dropped first, as NannyML drops them before calling it. The p-value is that of the t statistic
 * {@code t = r·sqrt((n−2)/(1−r²))} with n−2 degrees of freedom, which equals SciPy's exact beta form; for two pairs r
 * is ±1 and the p-value 1, as SciPy returns; for |r| = 1 and more pairs it is 0. r agrees with SciPy's to about
 * 1e-15 on ordinary data.
 *
 * @param r      in [-1, 1]
 * @param pValue in [0, 1]
 * @param pairs  the pairs it was computed from, NaN ones dropped
 */
public record PearsonCorrelation(double r, double pValue, int pairs) {
    public PearsonCorrelation {
        if (!(r >= -1 && r <= 1) || !(pValue >= 0 && pValue <= 1) || pairs < 2) {
            throw new IllegalArgumentException("r " + r + ", p-value " + pValue + " from " + pairs
                    + " pairs: r lies in [-1, 1], p in [0, 1], from 2 pairs or more");
        }
    }

    /**
     * The correlation of {@code x} and {@code y}, or empty where it is undefined: fewer than two pairs without a
     * NaN (SciPy refuses those), or either side constant over them (SciPy gives NaN).
     *
     * @throws IllegalArgumentException when the series are not of the same length
     */
    public static Optional<PearsonCorrelation> of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series of " + x.length + " and " + y.length
                    + " values; correlate series of the same chunks");
        }
        int pairs = 0;
        for (int i = 0; i < x.length; i++) {
            pairs += Double.isNaN(x[i]) || Double.isNaN(y[i]) ? 0 : 1;
        }
        double[] keptX = new double[pairs];
        double[] keptY = new double[pairs];
        for (int i = 0, kept = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                keptX[kept] = x[i];
                keptY[kept++] = y[i];
            }
        }
        if (pairs < 2 || constant(keptX) || constant(keptY)) {
            return Optional.empty();
        }
        if (pairs == 2) {
            return Optional.of(new PearsonCorrelation(Math.signum(keptX[1] - keptX[0]) * Math.signum(keptY[1] - keptY[0]),
                    1, 2));
        }
        double r = Math.max(-1, Math.min(1, new PearsonsCorrelation().correlation(keptX, keptY)));
        return Optional.of(new PearsonCorrelation(r, pValue(r, pairs), pairs));
    }

    private static double pValue(double r, int pairs) {
        if (Math.abs(r) == 1) {
            return 0;
        }
        double degreesOfFreedom = pairs - 2;
        double t = Math.abs(r) * Math.sqrt(degreesOfFreedom / ((1 - r) * (1 + r)));
        // 2·(1 − cdf(|t|)) written as 2·cdf(−|t|): the same by symmetry, without losing a small p to cancellation.
        return 2 * new TDistribution(degreesOfFreedom).cumulativeProbability(-t);
    }

    private static boolean constant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }
}
