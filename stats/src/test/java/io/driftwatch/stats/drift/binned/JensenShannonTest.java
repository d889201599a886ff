package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JensenShannonTest {

    static Stream<Named<GoldenCase>> evidentlyCases() {
        return PsiTest.named("jensen_shannon_evidently");
    }

    static Stream<Named<GoldenCase>> categoricalCases() {
        return PsiTest.named("jensen_shannon");
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void distanceOverSturgesBinsMatchesScipyOnEveryGoldenCase(GoldenCase golden) {
        double distance = new JensenShannon(Binning.STURGES, LogBase.E)
                .compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(distance).isCloseTo(golden.expected("jensen_shannon_evidently", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    @ParameterizedTest
    @MethodSource("categoricalCases")
    void distanceOverCategoriesMatchesScipyOnEveryCategoricalCase(GoldenCase golden) {
        double distance = new JensenShannon(Binning.QUANTILE, LogBase.E)
                .compare(golden.referenceCounts(), golden.currentCounts()).statistic();
        assertThat(distance).isCloseTo(golden.expected("jensen_shannon", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    @Test
    void distanceInBitsIsTheNatsDistanceOverSqrtLnTwo() {
        // the divergence scales by 1 / ln 2, so its square root scales by 1 / sqrt(ln 2)
        GoldenCase golden = GoldenCases.load("normal_shift");
        double nats = new JensenShannon(Binning.STURGES, LogBase.E).compare(golden.referenceSample(), golden.currentSample()).statistic();
        double bits = new JensenShannon(Binning.STURGES, LogBase.TWO).compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(bits).isCloseTo(nats / Math.sqrt(Math.log(2)), within(1e-15));
    }

    @Test
    void doaneDistanceCountsCurrentValuesOutsideTheReferenceRangeInTheirOwnBin() {
        // Doane on {0,1,2,3}: sigma = sqrt(1.25), skewness 0, so 1 + log2(4) = 3 bins of width 1:
        // reference 1/4, 1/4, 1/2; current (1, 10) puts 1/2 in the second bin and 1/2 outside.
        // m = (1/8, 3/8, 1/4, 1/4); divergence in bits = [1/4 log2 2 + 1/4 log2(2/3) + 1/2 log2 2   (reference side)
        //                                                + 1/2 log2(4/3) + 1/2 log2 2] / 2                (current side)
        // scipy.spatial.distance.jensenshannon([.25, .25, .5, 0], [0, .5, 0, .5], base=2) = 0.8097154205210412
        double log2Of = 1 / Math.log(2);
        double divergenceBits = (0.25 + 0.25 * Math.log(2.0 / 3.0) * log2Of + 0.5 + 0.5 * Math.log(4.0 / 3.0) * log2Of + 0.5) / 2;
        double distance = new JensenShannon(Binning.DOANE, LogBase.TWO)
                .compare(SortedSample.of(new double[] {0, 1, 2, 3}), SortedSample.of(new double[] {1, 10})).statistic();
        assertThat(distance).isCloseTo(Math.sqrt(divergenceBits), within(1e-12));
    }
}
