package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ZTestTest {

    static Stream<Named<GoldenCase>> cases() {
        return GoldenCases.withKey("z_test").stream().map(golden -> Named.of(golden.name(), golden));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void statisticAndPValueMatchTheGoldenValuesOnEveryBinaryCase(GoldenCase golden) {
        TestOutcome outcome = new ZTest().compare(golden.referenceCounts(), golden.currentCounts());
        assertThat(outcome.statistic()).isCloseTo(golden.expected("z_test", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
        assertThat(GoldenCases.pValueClose(outcome.pValue(), golden.expected("z_test", "pvalue")))
                .as("p-value %s against %s", outcome.pValue(), golden.expected("z_test", "pvalue"))
                .isTrue();
    }

    @Test
    void refusesAColumnWithThreeCategoriesNamingThem() {
        assertThatThrownBy(() -> new ZTest().compare(
                CategoryCounts.of(Map.of("no", 5L, "yes", 5L)), CategoryCounts.of(Map.of("yes", 3L, "maybe", 1L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("together hold 3: [maybe, no, yes]");
    }

    @Test
    void refusesAColumnWithASingleCategory() {
        assertThatThrownBy(() -> new ZTest().compare(CategoryCounts.of(Map.of("yes", 5L)), CategoryCounts.of(Map.of("yes", 3L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("together hold 1: [yes]");
    }
}
