package io.driftwatch.stats.drift.binned;

import static java.util.Objects.requireNonNull;

/**
 * The distances between two histograms over the same bins, shared by the numeric tests (bins from a
 * {@link Binning}) and the categorical ones (one bin per category). Each function takes counts or
 * proportions, divides each side by its own sum first (as SciPy's {@code jensenshannon} and {@code
 * entropy} do), and follows the formula of the tool named on it, so the results agree with that tool to
 * rounding (about 1e-15). Pure functions; thread-safe.
 */
public final class ProportionDistances {
    private static final double SQRT_2 = Math.sqrt(2.0);

    private ProportionDistances() {
    }

    /**
     * Population Stability Index: sum over bins of (p - q) ln(p / q), after {@code fill} replaced the
     * empty proportions of each side; not renormalized after the fill (Evidently's convention). In
     * [0, inf); 0.1 and 0.25 are the customary "watch" and "act" levels.
     *
     * @throws IllegalArgumentException if the arrays differ in length, hold a negative or non-finite entry,
     *                                  or a side sums to zero
     */
    public static double psi(double[] reference, double[] current, EmptyBinFill fill) {
        requireNonNull(fill, "fill");
        double[] referenceFilled = fill.fill(normalized(reference, "reference"));
        double[] currentFilled = fill.fill(normalized(current, "current"));
        requireSameLength(referenceFilled, currentFilled);
        double psi = 0;
        for (int i = 0; i < referenceFilled.length; i++) {
            double difference = referenceFilled[i] - currentFilled[i];
            psi += difference * Math.log(referenceFilled[i] / currentFilled[i]);
        }
        return psi;
    }

    /**
     * Jensen-Shannon distance, the square root of the Jensen-Shannon divergence in {@code base}, exactly as
     * {@code scipy.spatial.distance.jensenshannon}: no fill is needed because the mixture is positive
     * wherever either side is. In [0, sqrt(ln 2)] for {@link LogBase#E}, [0, 1] for {@link LogBase#TWO}.
     *
     * @throws IllegalArgumentException as {@link #psi}
     */
    public static double jensenShannon(double[] reference, double[] current, LogBase base) {
        requireNonNull(base, "base");
        double[] p = normalized(reference, "reference");
        double[] q = normalized(current, "current");
        requireSameLength(p, q);
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double mixture = (p[i] + q[i]) / 2.0;
            left += relativeEntropyTerm(p[i], mixture);
            right += relativeEntropyTerm(q[i], mixture);
        }
        return Math.sqrt(base.fromNats(left + right) / 2.0);
    }

    /**
     * Hellinger distance sqrt(sum (sqrt p - sqrt q)^2) / sqrt 2, without fill. In [0, 1]: 1 when the
     * histograms share no bin.
     *
     * @throws IllegalArgumentException as {@link #psi}
     */
    public static double hellinger(double[] reference, double[] current) {
        double[] p = normalized(reference, "reference");
        double[] q = normalized(current, "current");
        requireSameLength(p, q);
        double squares = 0;
        for (int i = 0; i < p.length; i++) {
            double difference = Math.sqrt(p[i]) - Math.sqrt(q[i]);
            squares += difference * difference;
        }
        return Math.sqrt(squares) / SQRT_2;
    }

    /**
     * Kullback-Leibler divergence KL(reference || current) in {@code base}: {@code fill} replaces empty
     * proportions, then each side is renormalized to sum to 1 and the sum of p ln(p / q) is taken, as
     * {@code scipy.stats.entropy(p, q)} does on the filled proportions (Evidently's numbers match this
     * renormalized form, not the raw filled sum). In [0, inf).
     *
     * @throws IllegalArgumentException as {@link #psi}
     */
    public static double klDivergence(double[] reference, double[] current, EmptyBinFill fill, LogBase base) {
        requireNonNull(fill, "fill");
        requireNonNull(base, "base");
        double[] p = normalized(fill.fill(normalized(reference, "reference")), "reference");
        double[] q = normalized(fill.fill(normalized(current, "current")), "current");
        requireSameLength(p, q);
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            divergence += relativeEntropyTerm(p[i], q[i]);
        }
        return base.fromNats(divergence);
    }

    /**
     * L-infinity distance: the largest absolute difference of proportions over the bins (TensorFlow Data
     * Validation's skew comparator for categorical features). In [0, 1].
     *
     * @throws IllegalArgumentException as {@link #psi}
     */
    public static double lInfinity(double[] reference, double[] current) {
        double[] p = normalized(reference, "reference");
        double[] q = normalized(current, "current");
        requireSameLength(p, q);
        double largest = 0;
        for (int i = 0; i < p.length; i++) {
            largest = Math.max(largest, Math.abs(p[i] - q[i]));
        }
        return largest;
    }

    /** SciPy's {@code rel_entr}: x ln(x / y), 0 when x is 0, infinite when only y is 0. */
    private static double relativeEntropyTerm(double x, double y) {
        if (x == 0) {
            return 0;
        }
        return y == 0 ? Double.POSITIVE_INFINITY : x * Math.log(x / y);
    }

    private static double[] normalized(double[] weights, String side) {
        requireNonNull(weights, side);
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(side + " bins must hold finite non-negative counts, got " + weight);
            }
            sum += weight;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(side + " bins are all empty; a distance needs at least one value per side");
        }
        double[] proportions = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            proportions[i] = weights[i] / sum;
        }
        return proportions;
    }

    private static void requireSameLength(double[] reference, double[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("reference has " + reference.length + " bins but current has "
                    + current.length + "; both histograms must use the same bins");
        }
    }
}
