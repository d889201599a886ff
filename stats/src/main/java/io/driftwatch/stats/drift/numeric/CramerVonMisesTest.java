package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.distribution.CramerVonMisesLimit;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * Two-sample Cramer-von Mises test: like KS it compares the empirical CDFs, but integrates the squared gap over
 * the whole range instead of taking its maximum, so it notices many small differences that KS misses.
 *
 * <p>Statistic T of Anderson (1962) from midranks (ties averaged), {@code >= 0}; p-value from the limiting
 * distribution after standardizing T by its exact mean and variance, exactly as SciPy's
 * {@code cramervonmises_2samp(method="asymptotic")}. With fewer than two values in either sample T is
 * undefined and both numbers are NaN (SciPy returns NaN too). O(n + m). Stateless and thread-safe.
 */
public final class CramerVonMisesTest implements NumericDriftTest {
    /** Flush the exact integer sum into the double before it could overflow a long. */
    private static final long FLUSH_ABOVE = 1L << 61;

    @Override
    public String name() {
        return "cramer_von_mises";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        double nx = reference.size();
        double ny = current.size();
        if (nx <= 1 || ny <= 1) {
            return TestOutcome.withPValue(Double.NaN, Double.NaN, Method.ASYMPTOTIC);
        }
        double[] squaredRankOffsets = squaredRankOffsets(reference, current);
        double u = nx * squaredRankOffsets[0] + ny * squaredRankOffsets[1];
        double k = nx * ny;
        double total = nx + ny;
        double t = u / (k * total) - (4 * k - 1) / (6 * total);
        return TestOutcome.withPValue(t, pValue(t, nx, ny), Method.ASYMPTOTIC);
    }

    /** Anderson's standardization (his eq. 11, 14, 15), then the limiting distribution. */
    private static double pValue(double t, double nx, double ny) {
        double k = nx * ny;
        double total = nx + ny;
        double mean = (1 + 1 / total) / 6;
        double variance = (total + 1) * (4 * k * total - 3 * (nx * nx + ny * ny) - 2 * k)
                / (45 * total * total * 4 * k);
        double standardized = 1.0 / 6 + (t - mean) / Math.sqrt(45 * variance);
        return CramerVonMisesLimit.sf(standardized);
    }

    /**
     * {@code sum_i (r_i - i)^2} for each sample, r_i the pooled midrank of its i-th smallest value. Twice each
     * offset is an integer, so the squares are summed exactly in a long (flushed into a double long before it
     * could overflow) and divided by 4 at the end.
     */
    private static double[] squaredRankOffsets(SortedSample reference, SortedSample current) {
        long[] exact = new long[2];
        double[] flushed = new double[2];
        DistinctValueCursor cursor = new DistinctValueCursor(reference, current);
        while (cursor.advance()) {
            long twiceRank = 2 * cursor.pooledBelow() + cursor.pooledTies() + 1;
            addSquaredOffsets(twiceRank, cursor.referenceBelow(), cursor.referenceAtOrBelow(), exact, flushed, 0);
            addSquaredOffsets(twiceRank, cursor.currentBelow(), cursor.currentAtOrBelow(), exact, flushed, 1);
        }
        return new double[] {(flushed[0] + exact[0]) / 4, (flushed[1] + exact[1]) / 4};
    }

    private static void addSquaredOffsets(long twiceRank, int below, int atOrBelow,
                                          long[] exact, double[] flushed, int sample) {
        long sum = exact[sample];
        for (int i = below + 1; i <= atOrBelow; i++) {
            long twiceOffset = twiceRank - 2L * i;
            sum += twiceOffset * twiceOffset;
            if (sum > FLUSH_ABOVE) {
                flushed[sample] += sum;
                sum = 0;
            }
        }
        exact[sample] = sum;
    }
}
