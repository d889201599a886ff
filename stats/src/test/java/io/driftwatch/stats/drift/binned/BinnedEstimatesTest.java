package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.drift.numeric.KsTest;
import io.driftwatch.stats.drift.numeric.WassersteinDistance;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * NannyML's binned estimates against NumPy 2.4.6 and SciPy 1.17.1, written out as its KolmogorovSmirnovStatistic
 * and WassersteinDistance compute them for a reference of 10,000 values or more: KS from {@code np.histogram(ref,
 * np.linspace(ref.min(), ref.max(), 10001))} cumulated, against the current's histogram cumulated plus its share
 * below the first edge; Wasserstein from {@code np.histogram(ref, bins=10000)} with the current's tails
 * integrated outside the range. The p-value is {@code scipy.stats.kstwo.sf(D, round(n m / (n + m)))}.
 */
class BinnedEstimatesTest {
    /** ((i * 7919) % 20000)^2 / 4e6 for i < 20,000: in [0, 99.99], dense near 0 (200 values in the first bin). */
    private static final SortedSample REFERENCE = SortedSample.of(
            IntStream.range(0, 20_000).mapToDouble(i -> Math.pow((double) (i * 7919L % 20_000), 2) / 4e6).toArray());
    /** 300 values at 0.005, inside the first bin, then (j * 31 % 1000) / 8 - 10: 55 below 0, 84 above 99.99. */
    private static final SortedSample CURRENT = SortedSample.of(
            IntStream.range(0, 1000).mapToDouble(j -> j < 300 ? 0.005 : (j * 31 % 1000) / 8.0 - 10).toArray());

    @Test
    void ksStatisticIsNannymlsEstimateAtTheBinEdgesNotTheExactD() {
        // estimate 0.346; ks_2samp(ref, cur).statistic = 0.3489 (at 0.005, inside the first bin)
        assertThat(BinnedEstimates.ksStatistic(REFERENCE, CURRENT)).isCloseTo(0.346, within(1e-12));
        assertThat(new KsTest(KsMethod.AUTO).compare(REFERENCE, CURRENT).statistic()).isCloseTo(0.3489, within(1e-12));
    }

    @Test
    void ksWithBinnedEstimatesKeepsItsPValueMethodOnTheEstimatedD() {
        // kstwo.sf(0.346, round(20000 * 1000 / 21000)) = 2.5810516159777787e-102, asymptotic as auto chooses here
        TestOutcome outcome = new KsTest(KsMethod.AUTO, true).compare(REFERENCE, CURRENT);

        assertThat(outcome.statistic()).isCloseTo(0.346, within(1e-12));
        assertThat(outcome.pValue()).isCloseTo(2.5810516159777787e-102, within(1e-110));
    }

    @Test
    void wassersteinIsNannymlsEstimateWithItsCountOfValuesBelowTheRange() {
        // NannyML: 8.68375385421193; scipy.stats.wasserstein_distance(ref, cur) = 8.737600895475001
        assertThat(BinnedEstimates.wassersteinDistance(REFERENCE, CURRENT)).isCloseTo(8.68375385421193, within(1e-9));
    }

    @Test
    void wassersteinWithBinnedEstimatesIsDividedByTheReferenceStandardDeviationAsTheExactOne() {
        // 8.68375385421193 / np.std(ref) = 0.2912756127465233; exact: 0.29308178208317265
        assertThat(new WassersteinDistance(true).compare(REFERENCE, CURRENT).statistic())
                .isCloseTo(0.2912756127465233, within(1e-12));
        assertThat(new WassersteinDistance(false).compare(REFERENCE, CURRENT).statistic())
                .isCloseTo(0.29308178208317265, within(1e-12));
    }

    @Test
    void aReferenceBelowTenThousandValuesKeepsTheExactStatistics() {
        SortedSample smaller = SortedSample.of(IntStream.range(0, 9_999).mapToDouble(REFERENCE::get).toArray());

        assertThat(new KsTest(KsMethod.AUTO, true).compare(smaller, CURRENT).statistic())
                .isEqualTo(new KsTest(KsMethod.AUTO).compare(smaller, CURRENT).statistic());
        assertThat(new WassersteinDistance(true).compare(smaller, CURRENT).statistic())
                .isEqualTo(new WassersteinDistance().compare(smaller, CURRENT).statistic());
    }
}
