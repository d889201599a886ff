package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.Method;
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

class ChiSquareTestTest {

    static Stream<Named<GoldenCase>> cases() {
        return GoldenCases.withKey("chi_square").stream().map(golden -> Named.of(golden.name(), golden));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void statisticAndPValueMatchScipyOnEveryCategoricalCase(GoldenCase golden) {
        TestOutcome outcome = new ChiSquareTest().compare(golden.referenceCounts(), golden.currentCounts());
        assertThat(outcome.statistic()).isCloseTo(golden.expected("chi_square", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
        assertThat(GoldenCases.pValueClose(outcome.pValue(), golden.expected("chi_square", "pvalue")))
                .as("p-value %s against SciPy's %s", outcome.pValue(), golden.expected("chi_square", "pvalue"))
                .isTrue();
        assertThat(outcome.method()).isEqualTo(Method.ASYMPTOTIC);
    }

    @Test
    void refusesAReferenceWithASingleCategory() {
        assertThatThrownBy(() -> new ChiSquareTest().compare(CategoryCounts.of(Map.of("a", 5L)), CategoryCounts.of(Map.of("a", 3L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two reference categories");
    }

    @Test
    void refusesACurrentWindowWithOnlyUnseenCategories() {
        assertThatThrownBy(() -> new ChiSquareTest().compare(
                CategoryCounts.of(Map.of("a", 5L, "b", 5L)), CategoryCounts.of(Map.of("c", 3L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no current value falls in any of the reference's 2 categories");
    }
}
