package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HellingerTest {

    static Stream<Named<GoldenCase>> evidentlyCases() {
        return PsiTest.named("hellinger_evidently");
    }

    static Stream<Named<GoldenCase>> categoricalCases() {
        return PsiTest.named("hellinger");
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void distanceOverSturgesBinsMatchesEvidentlyOnEveryGoldenCase(GoldenCase golden) {
        double distance = new Hellinger(Binning.STURGES).compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(distance).isCloseTo(golden.expected("hellinger_evidently", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    @ParameterizedTest
    @MethodSource("categoricalCases")
    void distanceOverCategoriesMatchesTheGoldenValueOnEveryCategoricalCase(GoldenCase golden) {
        double distance = new Hellinger(Binning.QUANTILE).compare(golden.referenceCounts(), golden.currentCounts()).statistic();
        assertThat(distance).isCloseTo(golden.expected("hellinger", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }
}
