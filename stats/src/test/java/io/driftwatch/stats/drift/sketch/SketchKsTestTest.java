package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.KllSeed;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchKsTestTest {
    private final SketchKsTest test = new SketchKsTest(KsMethod.AUTO);

    @ParameterizedTest(name = "{0}, k={1}")
    @MethodSource("io.driftwatch.stats.drift.sketch.GoldenProfiles#numericCasesAndKs")
    void exactStatisticAndPValueLieInTheReportedIntervalsOnEveryGoldenCase(String name, int k) {
        GoldenCase golden = GoldenCases.load(name);
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, k);
        double exactD = golden.expected("ks", "statistic");
        double exactP = golden.expected("ks", "pvalue");

        TestOutcome outcome = test.compare(profiles[0], profiles[1]);
        ErrorBound bound = outcome.bound();

        assertThat(outcome.method()).isEqualTo(Method.SKETCH);
        // The golden README's rule for a sketch KS: within twice the normalized rank error.
        double rankError = new NumericProfileConfig(k, 0).normalizedRankError();
        assertThat(Math.abs(outcome.statistic() - exactD)).isLessThanOrEqualTo(2 * rankError);
        assertThat(exactD).isBetween(bound.statisticLow() - GoldenProfiles.ROUNDING,
                bound.statisticHigh() + GoldenProfiles.ROUNDING);
        assertThat(exactP).isBetween(bound.pValueLow() * (1 - GoldenCases.PVALUE_RELATIVE_TOLERANCE),
                bound.pValueHigh() * (1 + GoldenCases.PVALUE_RELATIVE_TOLERANCE));
        assertThat(bound.statisticHalfWidth()).isLessThanOrEqualTo(
                profiles[0].normalizedRankError() + profiles[1].normalizedRankError() + GoldenProfiles.ROUNDING);
    }

    @Test
    void sketchesThatNeverCompactedGiveTheExactTestWithAZeroWidthBound() {
        GoldenCase golden = GoldenCases.load("tiny_exact");
        NumericProfile[] profiles = GoldenProfiles.numeric(golden, NumericProfileConfig.DEFAULT_KLL_K);

        TestOutcome outcome = test.compare(profiles[0], profiles[1]);

        assertThat(outcome.statistic()).isCloseTo(golden.expected("ks", "statistic"), within(GoldenProfiles.ROUNDING));
        assertThat(GoldenCases.pValueClose(outcome.pValue(), golden.expected("ks", "pvalue"))).isTrue();
        assertThat(outcome.bound().statisticHalfWidth()).isZero();
        assertThat(outcome.bound().confidence()).isEqualTo(1.0);
    }

    @Test
    void identicalLargeSamplesReportAPValueIntervalInsteadOfACoinToss() {
        Random random = new Random(3);
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        for (long seed = 1; seed <= 5; seed++) {
            KllSeed.reset(seed);
            NumericProfile reference = NumericProfile.of(new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0), values);
            NumericProfile current = NumericProfile.of(new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0), values);

            ErrorBound bound = test.compare(reference, current).bound();

            // The exact D is 0 (p = 1); the sketches cannot rule out a D of about 0.01, whose p-value is
            // tiny at this size, so a 0.05 threshold is honestly inconclusive, whatever the compaction coins.
            assertThat(bound.statisticLow()).isZero();
            assertThat(bound.pValueHigh()).isEqualTo(1.0);
            assertThat(bound.pValueLow()).isLessThan(0.05);
            assertThat(bound.confidence()).isEqualTo(0.98, within(1e-12));
        }
    }
}
