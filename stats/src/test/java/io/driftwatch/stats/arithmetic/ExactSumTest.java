package io.driftwatch.stats.arithmetic;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ExactSumTest {
    private static ExactSum sumOf(List<Double> values) {
        ExactSum sum = new ExactSum();
        values.forEach(sum::add);
        return sum;
    }

    /** Correct rounding: the exact sum is within half an ulp of the result, and a tie went to the even one. */
    private static void assertCorrectlyRounded(double result, List<Double> values) {
        BigDecimal exact = values.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal error = exact.subtract(new BigDecimal(result)).abs();
        BigDecimal halfUlp = new BigDecimal(Math.ulp(result)).divide(BigDecimal.valueOf(2));
        assertThat(error).as("distance from the exact sum %s", exact).isLessThanOrEqualTo(halfUlp);
        if (error.compareTo(halfUlp) == 0 && error.signum() != 0) {
            assertThat(Double.doubleToRawLongBits(result) & 1).as("a tie rounds to even").isZero();
        }
    }

    @Test
    void roundsTheExactSumOnceWhateverTheMagnitudesAndSigns() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            List<Double> values = new ArrayList<>();
            int n = 1 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                double magnitude = Math.scalb(random.nextDouble(), random.nextInt(-1074, 1000));
                values.add(random.nextBoolean() ? magnitude : -magnitude);
            }
            assertCorrectlyRounded(sumOf(values).value(), values);
        }
    }

    @Test
    void givesTheSamePartialsInAnyOrderAndRestoresFromThem() {
        SplittableRandom random = new SplittableRandom(11);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 20)));
        }
        double[] partials = sumOf(values).partials();
        Collections.shuffle(values, new java.util.Random(3));
        assertThat(sumOf(values).partials()).containsExactly(partials);
        assertThat(ExactSum.ofPartials(partials).partials()).containsExactly(partials);
        assertThat(ExactSum.ofPartials(partials).value()).isEqualTo(sumOf(values).value());
        for (int i = 1; i < partials.length; i++) {
            assertThat(Math.abs(partials[i])).isGreaterThan(Math.abs(partials[i - 1]));
        }
    }

    @Test
    void keepsWhatNaiveSummationLoses() {
        List<Double> values = List.of(1e100, 1.0, -1e100, 1e-300, 3.0);
        assertThat(sumOf(values).value()).isEqualTo(4.0);
        assertThat(sumOf(List.of(0.1, 0.2, 0.3, -0.6)).value()).as("Python: math.fsum([0.1, 0.2, 0.3, -0.6])")
                .isEqualTo(2.7755575615628914e-17);
    }

    @Test
    void resolvesAHalfwayCaseByTheBitsBelowIt() {
        double one = 1.0;
        double halfUlp = Math.ulp(one) / 2;
        assertThat(sumOf(List.of(one, halfUlp)).value()).as("a tie goes to even").isEqualTo(one);
        assertThat(sumOf(List.of(one, halfUlp, Double.MIN_VALUE)).value()).as("just above the tie")
                .isEqualTo(Math.nextUp(one));
    }

    @Test
    void mergesExactlyAndMarksNonFiniteSumsAsOverflowed() {
        ExactSum left = sumOf(List.of(1e308, 1e308));
        assertThat(left.value()).as("the exact sum is beyond the double range").isNaN();
        ExactSum back = sumOf(List.of(1e308, 1e308));
        back.add(-1e308);
        assertThat(back.value()).as("an intermediate sum beyond the range is fine").isEqualTo(1e308);
        ExactSum merged = sumOf(List.of(0.1, 0.7));
        merged.addAll(sumOf(List.of(0.2, -0.1)));
        assertCorrectlyRounded(merged.value(), List.of(0.1, 0.7, 0.2, -0.1));
        ExactSum infinite = sumOf(List.of(1.0, Double.POSITIVE_INFINITY));
        assertThat(infinite.isOverflowed()).isTrue();
        merged.addAll(infinite);
        assertThat(merged.value()).isNaN();
        assertThat(new ExactSum().value()).isZero();
        assertThat(new ExactSum().partials()).isEmpty();
    }
}
