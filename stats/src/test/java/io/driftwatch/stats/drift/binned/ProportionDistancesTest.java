package io.driftwatch.stats.drift.binned;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected values are worked out by hand in the comment beside each assertion. */
class ProportionDistancesTest {
    private static final double TOLERANCE = 1e-12;
    private static final double LN_2 = Math.log(2);

    @Test
    void psiOfHalvesAgainstQuarterAndThreeQuartersIsAQuarterOfLnThree() {
        // p = (1/2, 1/2), q = (1/4, 3/4): (1/4) ln 2 + (-1/4) ln(2/3) = (1/4) ln 3; counts are normalized first
        assertThat(ProportionDistances.psi(new double[] {10, 10}, new double[] {1, 3}, EmptyBinFill.CONSTANT))
                .isCloseTo(Math.log(3) / 4, within(TOLERANCE));
    }

    @Test
    void psiFillsAnEmptyBinWithTenToTheMinusFourWithoutRenormalizing() {
        // p = (1, 1e-4), q = (1/2, 1/2): (1/2) ln 2 + (1e-4 - 1/2) ln(2e-4)
        double expected = 0.5 * LN_2 + (1e-4 - 0.5) * Math.log(2e-4);
        assertThat(ProportionDistances.psi(new double[] {4, 0}, new double[] {1, 1}, EmptyBinFill.CONSTANT))
                .isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void jensenShannonOfDisjointHistogramsIsSqrtLnTwoInNatsAndOneInBits() {
        // each side contributes ln 2 against the mixture (1/2, 1/2); divergence = (ln 2 + ln 2) / 2
        double[] reference = {3, 0};
        double[] current = {0, 5};
        assertThat(ProportionDistances.jensenShannon(reference, current, LogBase.E)).isCloseTo(Math.sqrt(LN_2), within(TOLERANCE));
        assertThat(ProportionDistances.jensenShannon(reference, current, LogBase.TWO)).isCloseTo(1.0, within(TOLERANCE));
    }

    @Test
    void jensenShannonInBitsIsTheNatsDistanceOverSqrtLnTwo() {
        double[] reference = {5, 3, 2};
        double[] current = {2, 3, 5};
        double nats = ProportionDistances.jensenShannon(reference, current, LogBase.E);
        assertThat(ProportionDistances.jensenShannon(reference, current, LogBase.TWO))
                .isCloseTo(nats / Math.sqrt(LN_2), within(TOLERANCE));
    }

    @Test
    void hellingerIsZeroForProportionalCountsAndOneForDisjointOnes() {
        assertThat(ProportionDistances.hellinger(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(0.0, within(TOLERANCE));
        assertThat(ProportionDistances.hellinger(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(1.0, within(TOLERANCE));
    }

    @Test
    void hellingerOfHalvesAgainstQuarterAndThreeQuartersMatchesTheFormula() {
        // sqrt((sqrt(1/2) - 1/2)^2 + (sqrt(1/2) - sqrt(3/4))^2) / sqrt 2
        double expected = Math.sqrt(Math.pow(Math.sqrt(0.5) - 0.5, 2) + Math.pow(Math.sqrt(0.5) - Math.sqrt(0.75), 2)) / Math.sqrt(2);
        assertThat(ProportionDistances.hellinger(new double[] {1, 1}, new double[] {1, 3})).isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void klDivergenceInBitsIsTheNatsValueOverLnTwo() {
        // p = (1/2, 1/2), q = (1/4, 3/4): (1/2) ln 2 + (1/2) ln(2/3) = (1/2) ln(4/3) nats
        double nats = 0.5 * Math.log(4.0 / 3.0);
        assertThat(ProportionDistances.klDivergence(new double[] {1, 1}, new double[] {1, 3}, EmptyBinFill.CONSTANT, LogBase.E))
                .isCloseTo(nats, within(TOLERANCE));
        assertThat(ProportionDistances.klDivergence(new double[] {1, 1}, new double[] {1, 3}, EmptyBinFill.CONSTANT, LogBase.TWO))
                .isCloseTo(nats / LN_2, within(TOLERANCE));
    }

    @Test
    void klDivergenceRenormalizesAfterTheFillAsScipyEntropyDoes() {
        // p = (1, 1e-4) / 1.0001, q = (1/2, 1/2)
        double p1 = 1 / 1.0001;
        double p2 = 1e-4 / 1.0001;
        double expected = p1 * Math.log(p1 / 0.5) + p2 * Math.log(p2 / 0.5);
        assertThat(ProportionDistances.klDivergence(new double[] {7, 0}, new double[] {1, 1}, EmptyBinFill.CONSTANT, LogBase.E))
                .isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void lInfinityIsTheLargestDifferenceOfProportions() {
        // p = (1/2, 1/2, 0), q = (1/4, 1/2, 1/4)
        assertThat(ProportionDistances.lInfinity(new double[] {2, 2, 0}, new double[] {1, 2, 1})).isCloseTo(0.25, within(TOLERANCE));
    }

    @Test
    void rejectsHistogramsOverDifferentBins() {
        assertThatThrownBy(() -> ProportionDistances.hellinger(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference has 2 bins but current has 3");
    }

    @Test
    void rejectsAnAllEmptySide() {
        assertThatThrownBy(() -> ProportionDistances.lInfinity(new double[] {0, 0}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference bins are all empty");
    }
}
