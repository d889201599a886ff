package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.sample.SortedSample;

/**
 * The integral of {@code |F_ref(x) - F_cur(x)|^power} over the real line, for the two empirical CDFs: SciPy's
 * {@code _cdf_distance} without its final root. The integrand is a step function, so the integral is a sum over
 * the gaps between consecutive distinct pooled values, one O(n + m) pass.
 */
final class CdfDistance {
    private CdfDistance() {
    }

    /** The integral for {@code power} 1 (Wasserstein) or 2 (energy distance). */
    static double integral(SortedSample reference, SortedSample current, int power) {
        double n = reference.size();
        double m = current.size();
        double sum = 0;
        double previousValue = 0;
        double previousGap = 0;
        boolean first = true;
        DistinctValueCursor cursor = new DistinctValueCursor(reference, current);
        while (cursor.advance()) {
            if (!first) {
                sum += previousGap * (cursor.value() - previousValue);
            }
            first = false;
            double gap = Math.abs(cursor.referenceAtOrBelow() / n - cursor.currentAtOrBelow() / m);
            previousGap = power == 1 ? gap : gap * gap;
            previousValue = cursor.value();
        }
        return sum;
    }
}
