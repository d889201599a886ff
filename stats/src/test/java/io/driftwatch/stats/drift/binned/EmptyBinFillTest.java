package io.driftwatch.stats.drift.binned;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmptyBinFillTest {

    @Test
    void constantFillReplacesZerosWithTenToTheMinusFour() {
        assertThat(EmptyBinFill.CONSTANT.fill(new double[] {0.5, 0, 0.5})).containsExactly(0.5, 1e-4, 0.5);
    }

    @Test
    void evidentlyFillUsesTenToTheMinusFourWhenEveryProportionIsLarger() {
        assertThat(EmptyBinFill.EVIDENTLY.fill(new double[] {0.3, 0, 0.7})).containsExactly(0.3, 1e-4, 0.7);
    }

    @Test
    void evidentlyFillShrinksTheSmallestProportionByAMillionWhenItIsAtMostTenToTheMinusFour() {
        // smallest non-zero proportion 5e-5 <= 1e-4, so zeros become 5e-5 / 1e6
        assertThat(EmptyBinFill.EVIDENTLY.fill(new double[] {0.99995, 5e-5, 0})).containsExactly(0.99995, 5e-5, 5e-5 / 1e6);
    }
}
