package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.KllSeed;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Profiles of the golden cases for the sketch tests. The exact-value cap is 0, so only the sketches are
 * there to test from, and k ranges from the default (large cases compact, small ones stay exact) down to
 * 8 (every case but the smallest compacts), so both the exact and the estimation paths are exercised.
 */
final class GoldenProfiles {
    static final int[] KLL_KS = {NumericProfileConfig.DEFAULT_KLL_K, 64, 8};
    /** The golden README's tolerance for exact statistics: room for floating-point rounding only. */
    static final double ROUNDING = GoldenCases.STATISTIC_TOLERANCE;

    private GoldenProfiles() {
    }

    /** Every numeric golden case with every k of {@link #KLL_KS}. */
    static Stream<Arguments> numericCasesAndKs() {
        List<Arguments> arguments = new ArrayList<>();
        for (GoldenCase golden : GoldenCases.all()) {
            if (golden.isNumeric()) {
                for (int k : KLL_KS) {
                    arguments.add(Arguments.of(golden.name(), k));
                }
            }
        }
        return arguments.stream();
    }

    static Stream<String> categoricalCases() {
        return GoldenCases.all().stream().filter(golden -> !golden.isNumeric()).map(GoldenCase::name);
    }

    static NumericProfile[] numeric(GoldenCase golden, int k) {
        KllSeed.reset(k * 31L + golden.name().hashCode());
        NumericProfileConfig config = new NumericProfileConfig(k, 0);
        return new NumericProfile[] {NumericProfile.of(config, golden.referenceValues()),
                NumericProfile.of(config, golden.currentValues())};
    }

    static CategoricalProfile[] categorical(GoldenCase golden, CategoricalProfileConfig config) {
        return new CategoricalProfile[] {CategoricalProfile.of(config, golden.referenceLines()),
                CategoricalProfile.of(config, golden.currentLines())};
    }
}
