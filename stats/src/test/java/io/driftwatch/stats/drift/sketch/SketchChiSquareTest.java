package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.categorical.ChiSquareTest;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchChiSquareTest {
    private final SketchChiSquare chiSquare = new SketchChiSquare();

    @ParameterizedTest
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#categoricalCases")
    void exactStatisticAndPValueAreReproducedWhileBothProfilesAreExact(String name) {
        GoldenCase golden = GoldenCases.load(name);
        CategoricalProfile[] profiles = GoldenProfiles.categorical(golden, CategoricalProfileConfig.defaults());

        TestOutcome outcome = chiSquare.compare(profiles[0], profiles[1]);

        assertThat(outcome.statistic()).isCloseTo(golden.expected("chi_square", "statistic"), within(GoldenProfiles.ROUNDING));
        assertThat(GoldenCases.pValueClose(outcome.pValue(), golden.expected("chi_square", "pvalue"))).isTrue();
        assertThat(outcome.bound().statisticHalfWidth()).isZero();
        assertThat(outcome.bound().confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#categoricalCases")
    void exactStatisticAndPValueLieInTheIntervalsOnceProfilesUseTheirFrequentItemsSketch(String name) {
        GoldenCase golden = GoldenCases.load(name);
        CategoricalProfile[] profiles = GoldenProfiles.categorical(golden, new CategoricalProfileConfig(1, 3, 8));

        ErrorBound bound = chiSquare.compare(profiles[0], profiles[1]).bound();

        assertThat(golden.expected("chi_square", "statistic")).isBetween(bound.statisticLow() - GoldenProfiles.ROUNDING,
                bound.statisticHigh() + GoldenProfiles.ROUNDING);
        assertThat(golden.expected("chi_square", "pvalue")).isBetween(
                bound.pValueLow() * (1 - GoldenCases.PVALUE_RELATIVE_TOLERANCE),
                bound.pValueHigh() * (1 + GoldenCases.PVALUE_RELATIVE_TOLERANCE));
    }

    @ParameterizedTest(name = "lgMapSize={0}, exact reference={1}")
    @CsvSource({"3, false", "4, false", "5, false", "3, true", "5, true"})
    void exactStatisticLiesInTheIntervalWhenManyCategoriesAreUntracked(int lgMapSize, boolean exactReference) {
        List<String> reference = CategoryStreams.zipf(5, 8000, 60, 0);
        List<String> current = CategoryStreams.zipf(6, 4000, 70, 3);
        CategoricalProfileConfig sketched = new CategoricalProfileConfig(10, lgMapSize, 10);
        CategoricalProfileConfig referenceConfig = exactReference ? new CategoricalProfileConfig(100, lgMapSize, 10) : sketched;
        TestOutcome exact = new ChiSquareTest().compare(CategoryCounts.ofValues(reference), CategoryCounts.ofValues(current));

        ErrorBound bound = chiSquare.compare(CategoricalProfile.of(referenceConfig, reference),
                CategoricalProfile.of(sketched, current)).bound();

        assertThat(exact.statistic()).isBetween(bound.statisticLow(), bound.statisticHigh());
        assertThat(exact.pValue()).isBetween(bound.pValueLow(), bound.pValueHigh());
    }
}
