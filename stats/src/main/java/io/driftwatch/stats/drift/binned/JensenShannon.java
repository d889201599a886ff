package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * Jensen-Shannon distance (the square root of the divergence, as SciPy's {@code jensenshannon}) between
 * the two histograms: symmetric, bounded, and defined without any empty-bin fill, so it is the safer
 * histogram score when windows are small or categories come and go. With {@link Binning#STURGES} and
 * {@link LogBase#E} it is Evidently's {@code jensenshannon}; with {@link Binning#DOANE} and {@link
 * LogBase#TWO}, NannyML's. On categories the bins are the union of categories. In [0, sqrt(ln 2)] nats or
 * [0, 1] bits; no p-value; exact from the raw values. Stateless and thread-safe.
 */
public final class JensenShannon implements NumericDriftTest, CategoricalDriftTest {
    private final Binning binning;
    private final LogBase base;

    /** @param binning how numeric columns are cut; ignored for categorical columns */
    public JensenShannon(Binning binning, LogBase base) {
        this.binning = requireNonNull(binning, "binning");
        this.base = requireNonNull(base, "base");
    }

    @Override
    public String name() {
        return "jensen_shannon";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        BinnedCounts bins = binning.bin(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.jensenShannon(
                bins.referenceProportions(), bins.currentProportions(), base));
    }

    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        CategoryBins bins = CategoryBins.union(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.jensenShannon(
                bins.referenceProportions(), bins.currentProportions(), base));
    }
}
