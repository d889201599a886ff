package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.CategoryBins;
import io.driftwatch.stats.sample.CategoryCounts;
import org.apache.commons.math3.special.Erf;

/**
 * Pooled two-proportion z-test for a binary column (a flag, a yes/no label): did the share of the second
 * category, in sorted order, change between reference and current? It is Evidently's default for binary
 * features and more direct than chi-square when there are only two values.
 *
 * <p>z = (p_ref - p_cur) / sqrt(p (1 - p) (1 / n_ref + 1 / n_cur)) with p the pooled share, so z is
 * negative when the share grew. Two-sided p-value erfc(|z| / sqrt 2), computed directly so that it keeps
 * its relative accuracy deep in the tail. Asymptotic: reliable when both windows hold at least about 5 of
 * each category. Stateless and thread-safe.
 */
public final class ZTest implements CategoricalDriftTest {
    private static final double SQRT_2 = Math.sqrt(2.0);

    @Override
    public String name() {
        return "z_test";
    }

    /**
     * @throws IllegalArgumentException if reference and current together do not hold exactly two categories
     */
    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        CategoryBins bins = CategoryBins.union(reference, current);
        if (bins.categories().size() != 2) {
            throw new IllegalArgumentException("z_test compares the share of one of two categories, but reference and current "
                    + "together hold " + bins.categories().size() + ": " + bins.categories()
                    + "; use chi_square or l_infinity for this column");
        }
        double referenceTotal = reference.total();
        double currentTotal = current.total();
        double referenceHits = bins.referenceCounts()[1];
        double currentHits = bins.currentCounts()[1];
        double pooled = (referenceHits + currentHits) / (referenceTotal + currentTotal);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
        double z = (referenceHits / referenceTotal - currentHits / currentTotal) / standardError;
        return TestOutcome.withPValue(z, Erf.erfc(Math.abs(z) / SQRT_2), Method.ASYMPTOTIC);
    }
}
