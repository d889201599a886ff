package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static io.driftwatch.stats.golden.GoldenCases.STATISTIC_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KsTestTests {
    static Stream<Arguments> autoCases() {
        return GoldenCases.withKey("ks").stream().map(c -> Arguments.of(c.name(), c));
    }

    static Stream<Arguments> asymptoticCases() {
        return GoldenCases.withKey("ks_asymptotic").stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autoCases")
    void ksStatisticAndPValueMatchScipyAutoOnEveryGoldenCase(String name, GoldenCase golden) {
        SortedSample reference = golden.referenceSample();
        SortedSample current = golden.currentSample();
        TestOutcome outcome = new KsTest(KsMethod.AUTO).compare(reference, current);

        assertThat(outcome.statistic()).isCloseTo(golden.expected("ks", "statistic"), within(STATISTIC_TOLERANCE));
        assertPValueClose(outcome.pValue(), golden.expected("ks", "pvalue"));
        boolean small = Math.max(reference.size(), current.size()) <= KsTest.MAX_EXACT_SIZE;
        assertThat(outcome.method()).isEqualTo(small ? Method.EXACT : Method.ASYMPTOTIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymptoticCases")
    void ksAsymptoticPValueMatchesScipyAsympOnEveryGoldenCase(String name, GoldenCase golden) {
        TestOutcome outcome = new KsTest(KsMethod.ASYMPTOTIC)
                .compare(golden.referenceSample(), golden.currentSample());

        assertThat(outcome.statistic())
                .isCloseTo(golden.expected("ks_asymptotic", "statistic"), within(STATISTIC_TOLERANCE));
        assertPValueClose(outcome.pValue(), golden.expected("ks_asymptotic", "pvalue"));
        assertThat(outcome.method()).isEqualTo(Method.ASYMPTOTIC);
    }

    @ParameterizedTest
    @EnumSource(KsMethod.class)
    void pValueNeverIncreasesWithTheStatistic(KsMethod method) {
        // The asymptotic sizes cover n <= 140, Durbin's matrix, Pelz-Good and Smirnov; the exact ones both
        // lattice-path methods. Hand-overs between methods are probed closely by the next test.
        int[][] sizes = method == KsMethod.ASYMPTOTIC
                ? new int[][] {{25, 30}, {140, 141}, {300, 300}, {1000, 500}, {20000, 15000}}
                : new int[][] {{25, 30}, {40, 40}, {140, 141}, {1000, 1000}, {300, 200}, {600, 250}};
        int steps = 500;
        for (int[] size : sizes) {
            double previous = 1.0;
            for (int step = 0; step <= steps; step++) {
                double d = (double) step / steps;
                double p = KsTest.pValue(d, size[0], size[1], method);
                assertThat(p).as("p(%s) for %s x %s, %s", d, size[0], size[1], method).isLessThanOrEqualTo(previous);
                previous = p;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 100, 140, 141, 500, 5000, 100_000, 100_001, 400_000})
    void asymptoticPValueNeverIncreasesAcrossScipysHandOvers(int effectiveSize) {
        // n = round(n m / (n + m)) equals effectiveSize for two samples of 2 * effectiveSize.
        int size = 2 * effectiveSize;
        double[] handOvers = {Math.sqrt(0.754693 / effectiveSize), Math.sqrt(4.0 / effectiveSize),
            Math.sqrt(2.2 / effectiveSize), Math.pow(1.4 / effectiveSize, 2.0 / 3)};
        for (double handOver : handOvers) {
            double previous = 1.0;
            for (int step = -40; step <= 40; step++) {
                double d = handOver * (1 + step * 1e-8);
                double p = KsTest.pValue(d, size, size, KsMethod.ASYMPTOTIC);
                assertThat(p).as("p(%s) for n = %s", d, effectiveSize).isLessThanOrEqualTo(previous);
                previous = p;
            }
        }
    }

    @Test
    void autoIsExactUpToTenThousandValuesPerSample() {
        assertThat(KsTest.methodFor(10_000, 9_999, KsMethod.AUTO)).isEqualTo(Method.EXACT);
        assertThat(KsTest.methodFor(10_001, 50, KsMethod.AUTO)).isEqualTo(Method.ASYMPTOTIC);
        assertThat(KsTest.methodFor(50, 50, KsMethod.ASYMPTOTIC)).isEqualTo(Method.ASYMPTOTIC);
        assertThat(KsTest.methodFor(100_003, 100_019, KsMethod.EXACT)).isEqualTo(Method.ASYMPTOTIC);
    }

    private static void assertPValueClose(Double actual, double expected) {
        assertThat(actual).isNotNull();
        assertThat(GoldenCases.pValueClose(actual, expected)).as("p-value %s, SciPy %s", actual, expected).isTrue();
    }
}
