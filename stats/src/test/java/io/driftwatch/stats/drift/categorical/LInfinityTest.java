package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LInfinityTest {

    static Stream<Named<GoldenCase>> cases() {
        return GoldenCases.withKey("l_infinity").stream().map(golden -> Named.of(golden.name(), golden));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void distanceMatchesTheGoldenValueOnEveryCategoricalCase(GoldenCase golden) {
        double distance = new LInfinity().compare(golden.referenceCounts(), golden.currentCounts()).statistic();
        assertThat(distance).isCloseTo(golden.expected("l_infinity", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }
}
