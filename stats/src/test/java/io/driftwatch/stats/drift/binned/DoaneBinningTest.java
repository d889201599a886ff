package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --binning doane} against NannyML's rule, with NumPy 2.4.6 and SciPy 1.17.1: the proportions NannyML's
 * Jensen-Shannon and Hellinger methods build (low cardinality when {@code len(np.unique(ref))} is at most 50 and
 * at most a tenth of the reference: one bin per {@code np.unique(ref)} value; else {@code
 * np.histogram_bin_edges(ref, bins="doane")}; the current share left over in one extra bin), then {@code
 * scipy.spatial.distance.jensenshannon(p, q, base=2)} and {@code sqrt(sum((sqrt(p) - sqrt(q))**2)) / sqrt(2)}.
 */
class DoaneBinningTest {
    /** 200 values over five distinct numbers: 5 distinct, 2.5% of the reference. */
    private static final SortedSample FEW_VALUES = SortedSample.of(repeat(new double[] {1, 2, 3, 4, 5}, new int[] {20, 50, 60, 40, 30}));
    /** Also 6 and 2.5, which the reference never holds although 2.5 lies inside its range. */
    private static final SortedSample FEW_VALUES_CURRENT = SortedSample.of(
            repeat(new double[] {1, 2, 3, 4, 5, 6, 2.5}, new int[] {10, 30, 25, 15, 5, 10, 5}));
    /** (i % 101)^2 / 100 for i < 1000: 101 distinct values, skewed, so Doane's rule gives 15 bins. */
    private static final SortedSample MANY_VALUES = SortedSample.of(
            IntStream.range(0, 1000).mapToDouble(i -> (i % 101) * (i % 101) / 100.0).toArray());
    /** (j % 120)^2 / 100 - 5 for j < 500: 180 of them below the reference's 0 or above its 100. */
    private static final SortedSample MANY_VALUES_CURRENT = SortedSample.of(
            IntStream.range(0, 500).mapToDouble(j -> (j % 120) * (j % 120) / 100.0 - 5).toArray());

    @Test
    void aNumericColumnWithFewDistinctValuesGetsOneBinPerReferenceValueAndOneForValuesItNeverHeld() {
        // p = [0.1 0.25 0.3 0.2 0.15 0], q = [0.1 0.3 0.25 0.15 0.05 0.15]: 6 and 2.5 share the extra bin
        BinnedCounts bins = Binning.DOANE.bin(FEW_VALUES, FEW_VALUES_CURRENT);

        assertThat(bins.perValue()).isTrue();
        assertThat(bins.edges()).containsExactly(1, 2, 3, 4, 5);
        assertThat(bins.hasOutsideRangeBin()).isTrue();
        assertThat(bins.referenceCounts()).containsExactly(20, 50, 60, 40, 30, 0);
        assertThat(bins.currentCounts()).containsExactly(10, 30, 25, 15, 5, 15);
    }

    @Test
    void jensenShannonAndHellingerOnFewDistinctValuesAreNannymls() {
        assertThat(new JensenShannon(Binning.DOANE, LogBase.TWO).compare(FEW_VALUES, FEW_VALUES_CURRENT).statistic())
                .isCloseTo(0.31581742737817153, within(1e-14));
        assertThat(new Hellinger(Binning.DOANE).compare(FEW_VALUES, FEW_VALUES_CURRENT).statistic())
                .isCloseTo(0.3040885090882295, within(1e-14));
    }

    @Test
    void aColumnWithMoreThanFiftyDistinctValuesKeepsDoaneEdgesAndCountsValuesOutsideTheRangeApart() {
        BinnedCounts bins = Binning.DOANE.bin(MANY_VALUES, MANY_VALUES_CURRENT);

        assertThat(bins.perValue()).isFalse();
        assertThat(bins.edges()).hasSize(16);
        assertThat(bins.currentCounts()[bins.binCount() - 1]).isEqualTo(180);
        assertThat(new JensenShannon(Binning.DOANE, LogBase.TWO).compare(MANY_VALUES, MANY_VALUES_CURRENT).statistic())
                .isCloseTo(0.47109570579417087, within(1e-14));
        assertThat(new Hellinger(Binning.DOANE).compare(MANY_VALUES, MANY_VALUES_CURRENT).statistic())
                .isCloseTo(0.4577040815687312, within(1e-14));
    }

    @Test
    void fewDistinctValuesInASmallReferenceAreStillBinnedByDoanesRule() {
        // 5 distinct values in 10 is more than a tenth of the reference: NannyML treats the column as continuous
        BinnedCounts bins = Binning.DOANE.bin(SortedSample.of(new double[] {0, 0, 0, 0, 0, 1, 1, 2, 4, 10}),
                SortedSample.of(new double[] {0, 3}));

        assertThat(bins.perValue()).isFalse();
    }

    @Test
    void aReferenceWithOneValueInTenIsLowCardinalityAtTheLimit() {
        // np.unique gives 1 value in 10: 1 / 10 > 0.1 is false, so NannyML bins per value
        BinnedCounts bins = Binning.DOANE.bin(SortedSample.of(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}),
                SortedSample.of(new double[] {7, 8}));

        assertThat(bins.perValue()).isTrue();
        assertThat(bins.referenceCounts()).containsExactly(10, 0);
        assertThat(bins.currentCounts()).containsExactly(1, 1);
    }

    private static double[] repeat(double[] values, int[] times) {
        return IntStream.range(0, values.length).boxed()
                .flatMapToDouble(i -> IntStream.range(0, times[i]).mapToDouble(k -> values[i])).toArray();
    }
}
