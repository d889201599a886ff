package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchWassersteinTest {
    private final SketchWasserstein wasserstein = new SketchWasserstein();

    @ParameterizedTest(name = "{0}, k={1}")
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#numericCasesAndKs")
    void exactNormalizedDistanceLiesInTheReportedIntervalOnEveryGoldenCase(String name, int k) {
        GoldenCase golden = GoldenCases.load(name);
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, k);

        TestOutcome outcome = wasserstein.compare(profiles[0], profiles[1]);
        ErrorBound bound = outcome.bound();

        assertThat(golden.expected("wasserstein_norm", "statistic"))
                .isBetween(bound.statisticLow() - GoldenProfiles.ROUNDING, bound.statisticHigh() + GoldenProfiles.ROUNDING);
        assertThat(outcome.statistic()).isBetween(bound.statisticLow(), bound.statisticHigh());
    }

    @Test
    void sketchesThatNeverCompactedGiveTheExactDistanceWithAZeroWidthBound() {
        GoldenCase golden = GoldenCases.load("normal_shift");
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, 2000);

        TestOutcome outcome = wasserstein.compare(profiles[0], profiles[1]);

        assertThat(outcome.statistic()).isCloseTo(golden.expected("wasserstein_norm", "statistic"),
                within(GoldenProfiles.ROUNDING));
        assertThat(outcome.bound().statisticHalfWidth()).isZero();
        assertThat(profiles[0].config()).isNotEqualTo(NumericProfileConfig.defaults());
    }
}
