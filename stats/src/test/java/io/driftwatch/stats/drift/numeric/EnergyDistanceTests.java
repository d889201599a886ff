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

class EnergyDistanceTests {
    static Stream<Arguments> cases() {
        return GoldenCases.withKey("energy_distance").stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statisticMatchesScipyOnEveryGoldenCase(String name, GoldenCase golden) {
        TestOutcome outcome = new EnergyDistance().compare(golden.referenceSample(), golden.currentSample());

        assertThat(outcome.statistic()).isCloseTo(golden.expected("energy_distance", "statistic"), within(STATISTIC_TOLERANCE));
        assertThat(outcome.pValue()).isNull();
        assertThat(outcome.method()).isEqualTo(Method.EXACT);
    }

    @Test
    void isNamedAsUsersWriteItInReports() {
        assertThat(new EnergyDistance().name()).isEqualTo("energy_distance");
    }
}
