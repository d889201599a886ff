package io.driftwatch.stats.distribution;

/**
 * Which evaluation SciPy's {@code _kolmogn} uses for the two-sided Kolmogorov distribution at (n, d), following
 * Simard and L'Ecuyer (2011): exact closed forms at the edges, exact matrix or recursion methods for small n,
 * the Pelz-Good approximation near the centre for large n, and {@code 2 * smirnov} in the upper tail. For a
 * fixed n each branch covers one interval of d, except that for n > 1480 a {@code ZERO} interval interrupts
 * {@code SMIRNOV} (both give 0 there).
 */
enum KolmogorovBranch {
    ONE, RUBEN_GAMBINO_LOW, DURBIN, POMERANZ, PELZ_GOOD, SMIRNOV, ZERO, RUBEN_GAMBINO_HIGH;

    /** Largest n for which SciPy uses the exact Durbin and Pomeranz methods across the centre. */
    static final int SMALL_N = 140;
    /** Largest n for which SciPy still uses Durbin's matrix below {@code n d^1.5 = 1.4}. */
    static final int DURBIN_MAX_N = 100_000;

    static KolmogorovBranch of(int n, double d) {
        if (d >= 1.0) {
            return ZERO;
        }
        double t = n * d;
        if (d <= 0.0 || t <= 0.5) {
            return ONE;
        }
        if (t <= 1.0) {
            return RUBEN_GAMBINO_LOW;
        }
        if (t >= n - 1) {
            return RUBEN_GAMBINO_HIGH;
        }
        if (d >= 0.5) {
            return SMIRNOV;
        }
        double nxSquared = t * d;
        if (n <= SMALL_N) {
            return nxSquared <= 0.754693 ? DURBIN : nxSquared <= 4 ? POMERANZ : SMIRNOV;
        }
        if (nxSquared >= 370.0) {
            return ZERO;
        }
        if (nxSquared >= 2.2) {
            return SMIRNOV;
        }
        return n <= DURBIN_MAX_N && n * Math.pow(d, 1.5) <= 1.4 ? DURBIN : PELZ_GOOD;
    }

    /**
     * Whether the step from the previous branch into this one can make SciPy's value jump up, by more than
     * rounding (an approximation meets another method: up to 3e-6 relative at {@code PELZ_GOOD}'s two ends) or
     * by rounding (two exact methods meet). Leaving {@code SMIRNOV} is excluded: its neighbours are exact or 0.
     */
    boolean mayJumpUpOnEntry() {
        return this == DURBIN || this == POMERANZ || this == PELZ_GOOD || this == SMIRNOV;
    }
}
