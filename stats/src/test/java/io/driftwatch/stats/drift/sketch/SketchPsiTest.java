package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.Psi;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchPsiTest {
    private final SketchPsi psi = new SketchPsi();

    @ParameterizedTest(name = "{0}, k={1}")
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#numericCasesAndKs")
    void exactQuantilePsiLiesInTheReportedIntervalOnEveryGoldenCase(String name, int k) {
        GoldenCase golden = GoldenCases.load(name);
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, k);

        TestOutcome outcome = psi.compare(profiles[0], profiles[1]);
        ErrorBound bound = outcome.bound();

        assertThat(outcome.method()).isEqualTo(Method.SKETCH);
        assertThat(golden.expected("psi_quantile10", "statistic"))
                .isBetween(bound.statisticLow() - GoldenProfiles.ROUNDING, bound.statisticHigh() + GoldenProfiles.ROUNDING);
        assertThat(outcome.statistic()).isBetween(bound.statisticLow(), bound.statisticHigh());
    }

    @Test
    void sketchesThatNeverCompactedGiveTheExactPsiWithAZeroWidthBound() {
        GoldenCase golden = GoldenCases.load("normal_shift");
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, 2000);

        TestOutcome outcome = psi.compare(profiles[0], profiles[1]);

        assertThat(outcome.statistic()).isCloseTo(golden.expected("psi_quantile10", "statistic"),
                within(GoldenProfiles.ROUNDING));
        assertThat(outcome.bound().statisticHalfWidth()).isZero();
        assertThat(outcome.bound().confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#categoricalCases")
    void exactCategoricalPsiIsReproducedWhileBothProfilesAreExact(String name) {
        GoldenCase golden = GoldenCases.load(name);
        CategoricalProfile[] profiles = GoldenProfiles.categorical(golden, CategoricalProfileConfig.defaults());

        TestOutcome outcome = psi.compare(profiles[0], profiles[1]);

        assertThat(outcome.statistic()).isCloseTo(golden.expected("psi", "statistic"), within(GoldenProfiles.ROUNDING));
        assertThat(outcome.bound().statisticHalfWidth()).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#categoricalCases")
    void exactCategoricalPsiLiesInTheIntervalOnceProfilesUseTheirFrequentItemsSketch(String name) {
        GoldenCase golden = GoldenCases.load(name);
        CategoricalProfile[] profiles = GoldenProfiles.categorical(golden, new CategoricalProfileConfig(1, 3, 8));

        ErrorBound bound = psi.compare(profiles[0], profiles[1]).bound();

        assertThat(profiles[0].isExact()).isFalse();
        assertThat(golden.expected("psi", "statistic"))
                .isBetween(bound.statisticLow() - GoldenProfiles.ROUNDING, bound.statisticHigh() + GoldenProfiles.ROUNDING);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void exactCategoricalPsiLiesInTheIntervalWhenManyCategoriesAreUntracked(int lgMapSize) {
        List<String> reference = CategoryStreams.zipf(1, 6000, 300, 0);
        List<String> current = CategoryStreams.zipf(2, 3000, 300, 40);
        CategoricalProfileConfig config = new CategoricalProfileConfig(10, lgMapSize, 10);
        double exact = new Psi(Binning.QUANTILE).compare(CategoryCounts.ofValues(reference),
                CategoryCounts.ofValues(current)).statistic();

        TestOutcome outcome = psi.compare(CategoricalProfile.of(config, reference), CategoricalProfile.of(config, current));

        assertThat(exact).isBetween(outcome.bound().statisticLow(), outcome.bound().statisticHigh());
        assertThat(outcome.bound().confidence()).isEqualTo(CategoryBoxes.DISTINCT_CONFIDENCE);
    }

    @Test
    void intervalOnUndriftedDataAtTheDefaultKIsAsWideAsDocumented() {
        GoldenCase golden = GoldenCases.load("normal_scale_large");
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, NumericProfileConfig.DEFAULT_KLL_K);

        ErrorBound bound = psi.compare(profiles[0], profiles[1]).bound();

        // 20,000 vs 15,000 values, k = 547: the interval is about 0.15 wide, as SketchPsi documents.
        assertThat(bound.statisticHigh() - bound.statisticLow()).isBetween(0.1, 0.25);
    }
}
