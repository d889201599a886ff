package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * Hellinger distance sqrt(sum (sqrt p - sqrt q)^2) / sqrt 2 between the two histograms: a true metric in
 * [0, 1] that needs no empty-bin fill, reaching 1 only when the histograms share no bin. With {@link
 * Binning#STURGES} it is Evidently's {@code hellinger}; with {@link Binning#DOANE}, NannyML's. On
 * categories the bins are the union of categories. No p-value; exact from the raw values. Stateless and
 * thread-safe.
 */
public final class Hellinger implements NumericDriftTest, CategoricalDriftTest {
    private final Binning binning;

    /** @param binning how numeric columns are cut; ignored for categorical columns */
    public Hellinger(Binning binning) {
        this.binning = requireNonNull(binning, "binning");
    }

    @Override
    public String name() {
        return "hellinger";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        BinnedCounts bins = binning.bin(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.hellinger(bins.referenceProportions(), bins.currentProportions()));
    }

    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        CategoryBins bins = CategoryBins.union(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.hellinger(bins.referenceProportions(), bins.currentProportions()));
    }
}
