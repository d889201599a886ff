package io.driftwatch.stats.profile;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.CategoryCounts;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoricalProfileTest {
    private static final CategoricalProfileConfig TINY = new CategoricalProfileConfig(20, 4, 10);

    @ParameterizedTest
    @ValueSource(ints = {5, 40, 5000})
    void theDistinctSketchHasTheBytesOfOneFedEveryValueThoughRepeatsOfKnownCategoriesSkipIt(int distinctCategories) {
        Random random = new Random(distinctCategories);
        CategoricalProfile profile = CategoricalProfile.create(TINY);
        HllSketch everyValue = new HllSketch(TINY.hllLgK(), TgtHllType.HLL_4);
        for (int i = 0; i < 20_000; i++) {
            String category = random.nextInt(50) == 0 ? "" : "c" + random.nextInt(distinctCategories);
            profile.update(category);
            everyValue.update(category.isEmpty() ? CategoricalProfile.EMPTY_CATEGORY_KEY : category);
        }

        assertThat(profile.distinctSketch().toCompactByteArray()).containsExactly(everyValue.toCompactByteArray());
    }

    @Test
    void countsEveryGoldenCategoricalCaseExactly() {
        for (GoldenCase golden : GoldenCases.all().stream().filter(c -> !c.isNumeric()).toList()) {
            CategoricalProfile profile = CategoricalProfile.of(CategoricalProfileConfig.defaults(), golden.currentLines());
            CategoryCounts expected = golden.currentCounts();

            assertThat(profile.isExact()).isTrue();
            assertThat(profile.maximumError()).isZero();
            assertThat(profile.exactCounts().orElseThrow().counts()).isEqualTo(expected.counts());
            assertThat(profile.count()).isEqualTo(expected.total());
            assertThat(profile.distinctCountEstimate()).isEqualTo(expected.distinctCount());
        }
    }

    @Test
    void missingValuesAreCountedApart() {
        CategoricalProfile profile = CategoricalProfile.of(CategoricalProfileConfig.defaults(), List.of("a", "", "a"));
        profile.updateNull();
        profile.updateWrongType();

        assertThat(profile.count()).isEqualTo(3);
        assertThat(profile.nullCount()).isEqualTo(1);
        assertThat(profile.wrongTypeCount()).isEqualTo(1);
        assertThat(profile.exactCounts().orElseThrow().counts()).containsExactly(Map.entry("", 1L), Map.entry("a", 2L));
    }

    @Test
    void switchesToFrequentItemsAboveTheExactLimitAndItsBoundsHoldForEveryCategory() {
        List<String> stream = zipfStream(new Random(11), 20_000, 400);
        CategoricalProfile profile = CategoricalProfile.of(TINY, stream);

        assertThat(profile.isExact()).isFalse();
        assertThat(profile.exactCounts()).isEmpty();
        assertThat(profile.count()).isEqualTo(stream.size());
        assertThat(profile.maximumError()).isPositive();
        assertBoundsHold(profile, stream);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void mergeOfRandomSplitsEqualsTheConcatenationWhileExactAndKeepsTrueBoundsAfter(long seed) {
        Random random = new Random(seed);
        int categories = seed % 2 == 0 ? 15 : 300;
        List<String> stream = zipfStream(random, 1 + random.nextInt(5000), categories);
        CategoricalProfile whole = CategoricalProfile.of(TINY, stream);

        List<CategoricalProfile> parts = new ArrayList<>();
        int start = 0;
        for (int cut : random.ints(random.nextInt(6), 0, stream.size() + 1).sorted().toArray()) {
            parts.add(CategoricalProfile.of(TINY, stream.subList(start, cut)));
            start = cut;
        }
        parts.add(CategoricalProfile.of(TINY, stream.subList(start, stream.size())));
        CategoricalProfile merged = parts.remove(random.nextInt(parts.size()));
        while (!parts.isEmpty()) {
            merged.merge(parts.remove(random.nextInt(parts.size())));
        }

        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.isExact()).isEqualTo(whole.isExact());
        if (whole.isExact()) {
            assertThat(merged.exactCounts().orElseThrow().counts()).isEqualTo(whole.exactCounts().orElseThrow().counts());
        }
        assertBoundsHold(merged, stream);
    }

    @Test
    void distinctCountEstimateIsWithinThreeStandardErrorsAfterTheSwitch() {
        List<String> stream = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            stream.add("user-" + i % 20_000);
        }
        CategoricalProfile profile = CategoricalProfile.of(CategoricalProfileConfig.defaults(), stream);
        double relativeStandardError = 0.0130;

        assertThat(profile.isExact()).isFalse();
        assertThat(profile.distinctCountEstimate()).isBetween(20_000 * (1 - 3 * relativeStandardError),
                20_000 * (1 + 3 * relativeStandardError));
        assertThat(profile.distinctCountUpperBoundWith(profile, 3)).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void mergingProfilesConfiguredDifferentlyIsRefused() {
        CategoricalProfile tiny = CategoricalProfile.create(TINY);
        assertThatThrownBy(() -> tiny.merge(CategoricalProfile.create(CategoricalProfileConfig.defaults())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxExactCategories=20").hasMessageContaining("maxExactCategories=1024");
    }

    static List<String> zipfStream(Random random, int size, int categories) {
        List<String> stream = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(categories)));
            stream.add("c" + Math.min(rank, categories));
        }
        return stream;
    }

    private static void assertBoundsHold(CategoricalProfile profile, List<String> stream) {
        Map<String, Long> truth = new HashMap<>();
        stream.forEach(category -> truth.merge(category, 1L, Long::sum));
        truth.forEach((category, n) -> {
            CategoryFrequency frequency = profile.frequency(category);
            assertThat(n).as(category).isBetween(frequency.lowerBound(), frequency.upperBound());
            assertThat(frequency.upperBound() - frequency.lowerBound()).isLessThanOrEqualTo(profile.maximumError());
        });
        for (CategoryFrequency listed : profile.frequencies()) {
            assertThat(truth.getOrDefault(listed.category(), 0L)).isBetween(listed.lowerBound(), listed.upperBound());
        }
    }
}
