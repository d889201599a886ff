package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bin edges and counts on small samples. Expected values come from NumPy 2.4; the snippet that produced
 * each is in the comment beside it ({@code r}, {@code c} are the reference and current arrays,
 * {@code e} the edges, {@code counts(x) = np.bincount(np.searchsorted(e, x, side="right"), minlength=10)}
 * for quantile bins and {@code np.histogram(x, e)[0]} otherwise).
 */
class BinningTest {

    @Test
    void quantileBinsPutAValueEqualToAnEdgeIntoTheUpperBin() {
        // r = np.arange(11.); c = [0, 3, 3, 9, 10]; e = np.quantile(r, np.arange(1, 10) / 10) -> 1 ... 9
        // counts(r) = [1 1 1 1 1 1 1 1 1 2], counts(c) = [1 0 0 2 0 0 0 0 0 2]
        BinnedCounts bins = Binning.QUANTILE.bin(sample(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), sample(0, 3, 3, 9, 10));
        assertThat(bins.edges()).containsExactly(Double.NEGATIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8, 9, Double.POSITIVE_INFINITY);
        assertThat(bins.referenceCounts()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
        assertThat(bins.currentCounts()).containsExactly(1, 0, 0, 2, 0, 0, 0, 0, 0, 2);
    }

    @Test
    void quantileBinsBetweenRepeatedEdgesStayEmptyAsWithNumpySearchsorted() {
        // r = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5]; c = [0.5, 1, 1, 2, 5, 6]
        // e.tolist() = [1.0, 1.0, 1.0, 1.0, 1.0, 1.3999999999999995, 2.3, 3.2, 4.1]
        // counts(r) = [0 0 0 0 0 6 1 1 1 1], counts(c) = [1 0 0 0 0 2 1 0 0 2]
        BinnedCounts bins = Binning.QUANTILE.bin(sample(1, 1, 1, 1, 1, 1, 2, 3, 4, 5), sample(0.5, 1, 1, 2, 5, 6));
        assertThat(Arrays.copyOfRange(bins.edges(), 1, 10)).containsExactly(1, 1, 1, 1, 1, 1.3999999999999995, 2.3, 3.2, 4.1);
        assertThat(bins.referenceCounts()).containsExactly(0, 0, 0, 0, 0, 6, 1, 1, 1, 1);
        assertThat(bins.currentCounts()).containsExactly(1, 0, 0, 0, 0, 2, 1, 0, 0, 2);
    }

    @Test
    void quantileBinsOfAConstantReferencePutItAllInTheTopBin() {
        // every decile of a constant column is that constant; values equal to it go above all nine edges
        BinnedCounts bins = Binning.QUANTILE.bin(sample(5, 5, 5), sample(4, 5, 6));
        assertThat(bins.referenceCounts()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 3);
        assertThat(bins.currentCounts()).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 2);
    }

    @Test
    void sturgesBinsCloseTheLastBinOnTheMaximum() {
        // r = [0, 1, 2, 3]; c = [3, 3, 4]; e = np.histogram_bin_edges(np.concatenate([r, c]), bins="sturges")
        // -> [0 1 2 3 4], histogram(r) = [1 1 1 1], histogram(c) = [0 0 0 3]
        BinnedCounts bins = Binning.STURGES.bin(sample(0, 1, 2, 3), sample(3, 3, 4));
        assertThat(bins.edges()).containsExactly(0, 1, 2, 3, 4);
        assertThat(bins.referenceCounts()).containsExactly(1, 1, 1, 1);
        assertThat(bins.currentCounts()).containsExactly(0, 0, 0, 3);
    }

    @Test
    void sturgesBinsAddTheBinNumpyAddsWhenRangeOverWidthRoundsAboveAnInteger() {
        // 64 values: log2(64) + 1 = 7 bins in exact arithmetic, but 2.1 / (2.1 / 7) rounds above 7, so NumPy makes 8.
        // r = [-0.1] + [0.0] * 31; c = [2.0] + [0.5] * 31 -> e = [-0.1 0.1625 0.425 0.6875 0.95 1.2125 1.475 1.7375 2.0]
        // histogram(r) = [32 0 0 0 0 0 0 0], histogram(c) = [0 0 31 0 0 0 0 1]
        double[] reference = new double[32];
        reference[0] = -0.1;
        double[] current = new double[32];
        Arrays.fill(current, 0.5);
        current[0] = 2.0;
        BinnedCounts bins = Binning.STURGES.bin(SortedSample.of(reference), SortedSample.of(current));
        assertThat(bins.edges()).containsExactly(-0.1, 0.1625, 0.42500000000000004, 0.6875000000000001, 0.9500000000000001,
                1.2125, 1.475, 1.7375, 2.0);
        assertThat(bins.referenceCounts()).containsExactly(32, 0, 0, 0, 0, 0, 0, 0);
        assertThat(bins.currentCounts()).containsExactly(0, 0, 31, 0, 0, 0, 0, 1);
    }

    @Test
    void sturgesBinsOfOneRepeatedValueAreOneBinOfWidthOne() {
        // np.histogram_bin_edges([5, 5, 5, 5, 5], bins="sturges") -> [4.5 5.5]
        BinnedCounts bins = Binning.STURGES.bin(sample(5, 5, 5), sample(5, 5));
        assertThat(bins.edges()).containsExactly(4.5, 5.5);
        assertThat(bins.referenceCounts()).containsExactly(3);
        assertThat(bins.currentCounts()).containsExactly(2);
    }

    @Test
    void doaneBinsCollectCurrentValuesOutsideTheReferenceRangeInAnExtraBin() {
        // r = [0, 0, 0, 0, 0, 1, 1, 2, 4, 10]; e = np.histogram_bin_edges(r, bins="doane") -> 7 bins of width 10/7
        // histogram(r) = [7 1 1 0 0 0 1]; c = [-1, 0, 3, 10, 12]: histogram(c) = [1 0 1 0 0 0 1], and -1, 12 lie outside
        BinnedCounts bins = Binning.DOANE.bin(sample(0, 0, 0, 0, 0, 1, 1, 2, 4, 10), sample(-1, 0, 3, 10, 12));
        assertThat(bins.edges()).containsExactly(0.0, 1.4285714285714286, 2.857142857142857, 4.285714285714286,
                5.714285714285714, 7.142857142857143, 8.571428571428571, 10.0);
        assertThat(bins.hasOutsideRangeBin()).isTrue();
        assertThat(bins.referenceCounts()).containsExactly(7, 1, 1, 0, 0, 0, 1, 0);
        assertThat(bins.currentCounts()).containsExactly(1, 0, 1, 0, 0, 0, 1, 2);
    }

    @Test
    void doaneBinsAddNoExtraBinWhenEveryCurrentValueIsInRange() {
        BinnedCounts bins = Binning.DOANE.bin(sample(0, 1, 2, 3), sample(0, 3));
        assertThat(bins.hasOutsideRangeBin()).isFalse();
        assertThat(bins.currentCounts()).containsExactly(1, 0, 1);
    }

    @Test
    void doaneBinsOfAConstantReferenceAreOneBinOfWidthOnePlusTheOutsideBin() {
        // np.histogram_bin_edges([5, 5, 5], bins="doane") -> [4.5 5.5]; histogram([4, 5, 5.5, 7], e) = [2]
        BinnedCounts bins = Binning.DOANE.bin(sample(5, 5, 5), sample(4, 5, 5.5, 7));
        assertThat(bins.edges()).containsExactly(4.5, 5.5);
        assertThat(bins.referenceCounts()).containsExactly(3, 0);
        assertThat(bins.currentCounts()).containsExactly(2, 2);
    }

    @Test
    void psiAndKlUseEvidentlysFillOnlyForSturgesBins() {
        assertThat(Binning.STURGES.emptyBinFill()).isEqualTo(EmptyBinFill.EVIDENTLY);
        assertThat(Binning.QUANTILE.emptyBinFill()).isEqualTo(EmptyBinFill.CONSTANT);
        assertThat(Binning.DOANE.emptyBinFill()).isEqualTo(EmptyBinFill.CONSTANT);
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> Binning.STURGES.bin(sample(1, 2), SortedSample.of(new double[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 reference and 0 current values");
    }

    private static SortedSample sample(double... values) {
        return SortedSample.of(values);
    }
}
