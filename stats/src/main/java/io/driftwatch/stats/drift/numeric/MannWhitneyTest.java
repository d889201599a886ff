package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.commons.math3.special.Erf;

import static java.util.Objects.requireNonNull;

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test: asks whether a value from one window tends to be larger than one from
 * the other, so it detects shifts in location while staying robust to outliers and to any monotone transform.
 *
 * <p>The statistic is U of the reference sample, {@code R_ref - n(n+1)/2} with midranks, in [0, n m]; n m / 2
 * under the null hypothesis. The two-sided p-value uses the normal approximation with tie correction and
 * continuity correction, as SciPy's {@code mannwhitneyu(method="asymptotic")}; {@link Method#ASYMPTOTIC}.
 * O(n + m). Stateless and thread-safe.
 */
public final class MannWhitneyTest implements NumericDriftTest {
    private static final double CONTINUITY_CORRECTION = 0.5;

    @Override
    public String name() {
        return "mann_whitney";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        long n1 = reference.size();
        long n2 = current.size();
        long twiceRankSum = 0;
        double tieTerm = 0;
        DistinctValueCursor cursor = new DistinctValueCursor(reference, current);
        while (cursor.advance()) {
            long ties = cursor.pooledTies();
            twiceRankSum += cursor.referenceTies() * (2 * cursor.pooledBelow() + ties + 1);
            double t = ties;
            tieTerm += t * t * t - t;
        }
        double u1 = twiceRankSum / 2.0 - n1 * (n1 + 1) / 2.0;
        double u2 = n1 * n2 - u1;
        double u = Math.max(u1, u2);
        double n = n1 + n2;
        double mean = n1 * n2 / 2.0;
        double sd = Math.sqrt(n1 * n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1))));
        double z = (u - mean - CONTINUITY_CORRECTION) / sd;
        double p = Math.min(1.0, 2 * upperNormalTail(z));
        return TestOutcome.withPValue(u1, p, Method.ASYMPTOTIC);
    }

    /** P(Z > z) for a standard normal, via erfc so that small tails keep their relative accuracy. */
    private static double upperNormalTail(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
}
