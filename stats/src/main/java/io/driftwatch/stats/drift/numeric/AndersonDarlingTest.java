package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * k-sample Anderson-Darling test for the two samples (Scholz and Stephens 1987), midrank version, as SciPy's
 * {@code anderson_ksamp([reference, current], midrank=True)}. It weights the CDF gap by {@code 1 / (F (1-F))},
 * so unlike KS it is sensitive to differences in the tails.
 *
 * <p>The statistic is the standardized one SciPy returns, {@code (A2akN - 1) / sigma_N}: about N(0, 1) under
 * the null hypothesis, larger means more drift. No p-value (SciPy's is interpolated in a table and capped to
 * [0.001, 0.25]); {@link io.driftwatch.stats.drift.Method#EXACT}. When all values are equal or there are fewer
 * than four values in total the statistic is undefined and NaN (SciPy raises). O(n + m). Stateless and thread-safe.
 *
 * <p>Reference: Scholz, Stephens (1987), "K-sample Anderson-Darling tests", JASA 82(399), 918-924, eq. 7.
 */
public final class AndersonDarlingTest implements NumericDriftTest {
    private static final int SAMPLE_COUNT = 2;

    @Override
    public String name() {
        return "anderson_darling";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        int total = reference.size() + current.size();
        if (total < 4) {
            return TestOutcome.exactStatistic(Double.NaN);
        }
        double a2akN = midrankStatistic(reference, current);
        if (Double.isNaN(a2akN)) {
            return TestOutcome.exactStatistic(Double.NaN);
        }
        double variance = variance(total, 1.0 / reference.size() + 1.0 / current.size());
        return TestOutcome.exactStatistic((a2akN - (SAMPLE_COUNT - 1)) / Math.sqrt(variance));
    }

    /** Eq. 7 of Scholz and Stephens: A2akN; NaN when there is a single distinct value. */
    private static double midrankStatistic(SortedSample reference, SortedSample current) {
        double n = reference.size() + current.size();
        double referenceSize = reference.size();
        double currentSize = current.size();
        double referenceSum = 0;
        double currentSum = 0;
        int distinct = 0;
        DistinctValueCursor cursor = new DistinctValueCursor(reference, current);
        while (cursor.advance()) {
            distinct++;
            double ties = cursor.pooledTies();
            double midBelow = cursor.pooledBelow() + ties / 2.0;
            double denominator = midBelow * (n - midBelow) - n * ties / 4.0;
            double referenceMid = cursor.referenceAtOrBelow() - cursor.referenceTies() / 2.0;
            double currentMid = cursor.currentAtOrBelow() - cursor.currentTies() / 2.0;
            double referenceGap = n * referenceMid - midBelow * referenceSize;
            double currentGap = n * currentMid - midBelow * currentSize;
            referenceSum += ties / n * (referenceGap * referenceGap) / denominator;
            currentSum += ties / n * (currentGap * currentGap) / denominator;
        }
        if (distinct < 2) {
            return Double.NaN;
        }
        return (referenceSum / referenceSize + currentSum / currentSize) * ((n - 1.0) / n);
    }

    /**
     * sigma_N^2 of A2akN for k = 2 (Scholz and Stephens, eq. 4), with {@code inverseSizes = 1/n + 1/m}; the
     * harmonic sums h and g are accumulated in the order SciPy uses.
     */
    private static double variance(int total, double inverseSizes) {
        double partial = 0;
        double g = 0;
        for (int i = 0; i < total - 2; i++) {
            partial += 1.0 / (total - 1 - i);
            g += partial / (i + 2);
        }
        double h = partial + 1;
        double n = total;
        double k = SAMPLE_COUNT;
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * inverseSizes;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * inverseSizes - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * inverseSizes + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        return (a * n * n * n + b * n * n + c * n + d) / ((n - 1.0) * (n - 2.0) * (n - 3.0));
    }
}
