package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.BinnedEstimates;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * First Wasserstein (earth mover's) distance between the two samples, divided by the reference's standard
 * deviation (ddof 0, floored at 0.001) so that one threshold suits features of any scale; Evidently's default
 * for large numeric columns. It grows with how far mass moved, not only whether it moved, which KS cannot tell.
 *
 * <p>The statistic is {@code int |F_ref - F_cur| dx / max(std_ref, 0.001)}, in units of reference standard
 * deviations, {@code >= 0}; the distance itself equals SciPy's {@code wasserstein_distance}. No p-value;
 * {@link io.driftwatch.stats.drift.Method#EXACT}. O(n + m). Stateless and thread-safe.
 */
public final class WassersteinDistance implements NumericDriftTest {
    /** Floor on the normalizing standard deviation, so that a constant reference does not divide by zero. */
    public static final double MIN_REFERENCE_STD = 0.001;

    private final boolean binnedEstimates;

    public WassersteinDistance() {
        this(false);
    }

    /**
     * @param binnedEstimates whether the distance is NannyML's binned estimate ({@link BinnedEstimates}) when the
     *                        reference is that large; it is divided by the reference's standard deviation all the same
     */
    public WassersteinDistance(boolean binnedEstimates) {
        this.binnedEstimates = binnedEstimates;
    }

    @Override
    public String name() {
        return "wasserstein";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        double distance = binnedEstimates && BinnedEstimates.applies(reference)
                ? BinnedEstimates.wassersteinDistance(reference, current) : CdfDistance.integral(reference, current, 1);
        double scale = Math.max(reference.populationStandardDeviation(), MIN_REFERENCE_STD);
        return TestOutcome.exactStatistic(distance / scale);
    }
}
