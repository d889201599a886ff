package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * Energy distance between the two samples (Szekely and Rizzo), SciPy's {@code energy_distance}: in one dimension
 * it is {@code sqrt(2)} times the L2 distance between the empirical CDFs. Sensitive to differences in shape as
 * well as location, and zero only for identical distributions.
 *
 * <p>Statistic {@code >= 0}, in the units of the feature; no p-value;
 * {@link io.driftwatch.stats.drift.Method#EXACT}. O(n + m). Stateless and thread-safe.
 */
public final class EnergyDistance implements NumericDriftTest {
    private static final double SQRT2 = Math.sqrt(2);

    @Override
    public String name() {
        return "energy_distance";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        return TestOutcome.exactStatistic(SQRT2 * Math.sqrt(CdfDistance.integral(reference, current, 2)));
    }
}
