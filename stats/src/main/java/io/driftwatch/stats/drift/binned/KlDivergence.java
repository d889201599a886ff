package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * Kullback-Leibler divergence KL(reference || current) between the two histograms: the information lost
 * when the current window's distribution is used in place of the reference's. Asymmetric and unbounded,
 * so it needs an empty-bin fill: that of the binning ({@link Binning#emptyBinFill()}), or the constant 1e-4
 * on categories; after the fill both sides are renormalized (SciPy's {@code entropy}). With {@link
 * Binning#STURGES} and {@link LogBase#E} it is Evidently's {@code kl_div}. In [0, inf); no p-value; exact
 * from the raw values. Stateless and thread-safe.
 */
public final class KlDivergence implements NumericDriftTest, CategoricalDriftTest {
    private final Binning binning;
    private final LogBase base;

    /** @param binning how numeric columns are cut; ignored for categorical columns */
    public KlDivergence(Binning binning, LogBase base) {
        this.binning = requireNonNull(binning, "binning");
        this.base = requireNonNull(base, "base");
    }

    @Override
    public String name() {
        return "kl_divergence";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        BinnedCounts bins = binning.bin(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.klDivergence(
                bins.referenceProportions(), bins.currentProportions(), binning.emptyBinFill(), base));
    }

    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        CategoryBins bins = CategoryBins.union(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.klDivergence(
                bins.referenceProportions(), bins.currentProportions(), EmptyBinFill.CONSTANT, base));
    }
}
