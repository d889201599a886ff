package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import org.apache.commons.math3.special.Gamma;

import java.util.Map;

/**
 * Pearson's chi-square goodness of fit of the current counts against the reference's proportions: the
 * classic categorical drift test, with a p-value a user can threshold without tuning.
 *
 * <p>Only the reference's categories take part (k of them, k - 1 degrees of freedom); current values in
 * categories the reference never saw are left out, and the expected count of category i is its reference
 * share times the number of current values that fall in reference categories, so observed and expected
 * totals agree as SciPy's {@code chisquare} requires. (The golden case {@code cat_shift_new_category}
 * confirms it: scaling by the whole current window instead would give a statistic 12.5 higher.) New
 * categories are reported by {@link UnseenCategories} instead.
 *
 * <p>The p-value is the upper regularized gamma Q(df / 2, statistic / 2) computed directly, so it keeps
 * its relative accuracy deep in the tail instead of cancelling in 1 - cdf. Asymptotic: reliable when each
 * expected count is at least about 5. Stateless and thread-safe.
 */
public final class ChiSquareTest implements CategoricalDriftTest {

    @Override
    public String name() {
        return "chi_square";
    }

    /**
     * @throws IllegalArgumentException if the reference has fewer than two categories (zero degrees of
     *                                  freedom) or no current value falls in a reference category
     */
    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        int categoryCount = reference.distinctCount();
        if (categoryCount < 2) {
            throw new IllegalArgumentException("chi_square needs at least two reference categories to have a degree of freedom, "
                    + "the reference has " + reference.counts().keySet() + "; use l_infinity or unseen categories instead");
        }
        long currentInReference = 0;
        for (String category : reference.counts().keySet()) {
            currentInReference += current.count(category);
        }
        if (currentInReference == 0) {
            throw new IllegalArgumentException("chi_square is undefined: no current value falls in any of the reference's "
                    + categoryCount + " categories; see the unseen categories finding");
        }
        double statistic = 0;
        for (Map.Entry<String, Long> entry : reference.counts().entrySet()) {
            double expected = (double) entry.getValue() / reference.total() * currentInReference;
            double deviation = current.count(entry.getKey()) - expected;
            statistic += deviation * deviation / expected;
        }
        double pValue = Gamma.regularizedGammaQ((categoryCount - 1) / 2.0, statistic / 2.0);
        return TestOutcome.withPValue(statistic, pValue, Method.ASYMPTOTIC);
    }
}
