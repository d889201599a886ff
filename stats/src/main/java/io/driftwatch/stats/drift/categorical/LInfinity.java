package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.CategoryBins;
import io.driftwatch.stats.drift.binned.ProportionDistances;
import io.driftwatch.stats.sample.CategoryCounts;

/**
 * L-infinity distance: the largest change in any one category's share between reference and current,
 * TensorFlow Data Validation's skew and drift comparator for categorical features. Easy to explain ("the
 * share of 'card' moved by 12 points") and insensitive to how many categories there are. In [0, 1]; no
 * p-value; exact. Stateless and thread-safe.
 */
public final class LInfinity implements CategoricalDriftTest {

    @Override
    public String name() {
        return "l_infinity";
    }

    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        CategoryBins bins = CategoryBins.union(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.lInfinity(bins.referenceProportions(), bins.currentProportions()));
    }
}
