package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * Population Stability Index, sum over bins of (p_ref - p_cur) ln(p_ref / p_cur): the credit-risk
 * industry's drift score, chosen when users already hold PSI thresholds (0.1 watch, 0.25 act). Its value
 * depends on the bins, so the binning is part of the test: {@link Binning#QUANTILE} gives the textbook
 * PSI, {@link Binning#STURGES} Evidently's. Empty bins are filled per {@link Binning#emptyBinFill()}; on
 * categories the bins are the union of categories and the fill is the constant 1e-4 (Evidently's). In
 * [0, inf), natural log, no p-value; exact from the raw values. Stateless and thread-safe.
 */
public final class Psi implements NumericDriftTest, CategoricalDriftTest {
    private final Binning binning;

    /** @param binning how numeric columns are cut; ignored for categorical columns */
    public Psi(Binning binning) {
        this.binning = requireNonNull(binning, "binning");
    }

    @Override
    public String name() {
        return "psi";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        BinnedCounts bins = binning.bin(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.psi(
                bins.referenceProportions(), bins.currentProportions(), binning.emptyBinFill()));
    }

    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        CategoryBins bins = CategoryBins.union(reference, current);
        return TestOutcome.exactStatistic(ProportionDistances.psi(
                bins.referenceProportions(), bins.currentProportions(), EmptyBinFill.CONSTANT));
    }
}
