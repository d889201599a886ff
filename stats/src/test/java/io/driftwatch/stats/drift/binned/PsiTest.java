package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PsiTest {

    static Stream<Named<GoldenCase>> quantileCases() {
        return named("psi_quantile10");
    }

    static Stream<Named<GoldenCase>> evidentlyCases() {
        return named("psi_evidently");
    }

    static Stream<Named<GoldenCase>> categoricalCases() {
        return named("psi");
    }

    @ParameterizedTest
    @MethodSource("quantileCases")
    void psiOverReferenceDecilesMatchesNumpyOnEveryGoldenCase(GoldenCase golden) {
        double psi = new Psi(Binning.QUANTILE).compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(psi).isCloseTo(golden.expected("psi_quantile10", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void psiOverSturgesBinsMatchesEvidentlyOnEveryGoldenCase(GoldenCase golden) {
        double psi = new Psi(Binning.STURGES).compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(psi).isCloseTo(golden.expected("psi_evidently", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    @ParameterizedTest
    @MethodSource("categoricalCases")
    void psiOverCategoriesMatchesTheGoldenValueOnEveryCategoricalCase(GoldenCase golden) {
        double psi = new Psi(Binning.QUANTILE).compare(golden.referenceCounts(), golden.currentCounts()).statistic();
        assertThat(psi).isCloseTo(golden.expected("psi", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    static Stream<Named<GoldenCase>> named(String key) {
        return GoldenCases.withKey(key).stream().map(golden -> Named.of(golden.name(), golden));
    }
}
