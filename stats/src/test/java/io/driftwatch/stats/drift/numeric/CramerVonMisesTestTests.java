package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.driftwatch.stats.golden.GoldenCases.STATISTIC_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CramerVonMisesTestTests {
    static Stream<Arguments> cases() {
        return GoldenCases.withKey("cramer_von_mises").stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statisticAndPValueMatchScipyOnEveryGoldenCase(String name, GoldenCase golden) {
        TestOutcome outcome = new CramerVonMisesTest().compare(golden.referenceSample(), golden.currentSample());

        assertThat(outcome.statistic()).isCloseTo(golden.expected("cramer_von_mises", "statistic"), within(STATISTIC_TOLERANCE));
        assertThat(outcome.pValue()).isNotNull();
        assertThat(GoldenCases.pValueClose(outcome.pValue(), golden.expected("cramer_von_mises", "pvalue")))
                .as("p-value %s, SciPy %s", outcome.pValue(), golden.expected("cramer_von_mises", "pvalue")).isTrue();
        assertThat(outcome.method()).isEqualTo(Method.ASYMPTOTIC);
    }

    @Test
    void isNamedAsUsersWriteItInReports() {
        assertThat(new CramerVonMisesTest().name()).isEqualTo("cramer_von_mises");
    }
}
