package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.JensenShannon;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchJensenShannonTest {
    private final SketchJensenShannon jensenShannon = new SketchJensenShannon(LogBase.E);

    @ParameterizedTest
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#categoricalCases")
    void exactCategoricalDistanceIsReproducedWhileExactAndContainedAfterTheSwitch(String name) {
        GoldenCase golden = GoldenCases.load(name);
        double expected = golden.expected("jensen_shannon", "statistic");
        CategoricalProfile[] exact = GoldenProfiles.categorical(golden, CategoricalProfileConfig.defaults());
        CategoricalProfile[] sketched = GoldenProfiles.categorical(golden, new CategoricalProfileConfig(1, 3, 8));

        TestOutcome exactOutcome = jensenShannon.compare(exact[0], exact[1]);
        ErrorBound sketchedBound = jensenShannon.compare(sketched[0], sketched[1]).bound();

        assertThat(exactOutcome.statistic()).isCloseTo(expected, within(GoldenProfiles.ROUNDING));
        assertThat(exactOutcome.bound().statisticHalfWidth()).isZero();
        assertThat(expected).isBetween(sketchedBound.statisticLow() - GoldenProfiles.ROUNDING,
                sketchedBound.statisticHigh() + GoldenProfiles.ROUNDING);
    }

    /**
     * The golden cases hold no decile-binned Jensen-Shannon, so the oracle is the exact test on the raw values,
     * itself checked against SciPy in the binned package.
     */
    @ParameterizedTest(name = "{0}, k={1}")
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#numericCasesAndKs")
    void exactDecileDistanceLiesInTheReportedIntervalOnEveryGoldenCase(String name, int k) {
        GoldenCase golden = GoldenCases.load(name);
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, k);
        double exact = new JensenShannon(Binning.QUANTILE, LogBase.E)
                .compare(golden.referenceSample(), golden.currentSample()).statistic();

        ErrorBound bound = jensenShannon.compare(profiles[0], profiles[1]).bound();

        assertThat(exact).isBetween(bound.statisticLow() - GoldenProfiles.ROUNDING,
                bound.statisticHigh() + GoldenProfiles.ROUNDING);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void exactCategoricalDistanceLiesInTheIntervalWhenManyCategoriesAreUntracked(int lgMapSize) {
        List<String> reference = CategoryStreams.zipf(3, 6000, 300, 0);
        List<String> current = CategoryStreams.zipf(4, 3000, 300, 25);
        CategoricalProfileConfig config = new CategoricalProfileConfig(10, lgMapSize, 10);
        double exact = new JensenShannon(Binning.QUANTILE, LogBase.E).compare(CategoryCounts.ofValues(reference),
                CategoryCounts.ofValues(current)).statistic();

        ErrorBound bound = jensenShannon.compare(CategoricalProfile.of(config, reference),
                CategoricalProfile.of(config, current)).bound();

        assertThat(exact).isBetween(bound.statisticLow(), bound.statisticHigh());
        assertThat(bound.confidence()).isEqualTo(1.0);
        assertThat(bound.statisticHigh()).isLessThanOrEqualTo(Math.sqrt(Math.log(2)));
    }
}
