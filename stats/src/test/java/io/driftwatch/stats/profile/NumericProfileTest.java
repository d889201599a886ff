package io.driftwatch.stats.profile;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumericProfileTest {
    private static final NumericProfileConfig SMALL_SKETCH = new NumericProfileConfig(16, 300);

    @BeforeEach
    void seedSketches() {
        KllSeed.reset(20240611L);
    }

    @Test
    void meanAndVarianceComeFromTheExactSumsRoundedOnceEvenWithALargeOffset() {
        Random random = new Random(7);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e9 + random.nextGaussian() * 1e-3;
        }
        NumericProfile profile = NumericProfile.of(NumericProfileConfig.defaults(), values);

        BigDecimal n = BigDecimal.valueOf(values.length);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (double value : values) {
            BigDecimal exact = new BigDecimal(value);
            sum = sum.add(exact);
            squares = squares.add(exact.multiply(exact));
        }
        double exactMean = sum.doubleValue() / values.length;
        BigDecimal numerator = n.multiply(squares).subtract(sum.multiply(sum));
        double exactNumerator = numerator.doubleValue();
        double expectedVariance = exactNumerator / ((double) values.length * (values.length - 1));

        assertThat(profile.mean()).isEqualTo(exactMean);
        assertThat(profile.sampleVariance()).isEqualTo(expectedVariance);
        assertThat(profile.sampleVariance()).isCloseTo(1e-6, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void populationStandardDeviationMatchesTheExactSampleOnEveryGoldenCase() {
        for (GoldenCase golden : GoldenCases.all().stream().filter(GoldenCase::isNumeric).toList()) {
            SortedSample reference = golden.referenceSample();
            NumericProfile profile = NumericProfile.of(NumericProfileConfig.defaults(), golden.referenceValues());
            assertThat(profile.populationStandardDeviation()).as(golden.name())
                    .isCloseTo(reference.populationStandardDeviation(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(profile.mean()).as(golden.name())
                    .isCloseTo(reference.mean(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(profile.min()).isEqualTo(reference.min());
            assertThat(profile.max()).isEqualTo(reference.max());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mergeOfRandomSplitsEqualsTheProfileOfTheConcatenationBitForBit(long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(seed % 2 == 0 ? 250 : 4000);
        double[] values = randomColumn(random, size);
        NumericProfile whole = NumericProfile.of(SMALL_SKETCH, values);
        whole.updateNull();
        whole.updateWrongType();

        List<NumericProfile> parts = split(values, random);
        parts.get(random.nextInt(parts.size())).updateNull();
        parts.get(random.nextInt(parts.size())).updateWrongType();
        NumericProfile merged = mergeInRandomOrder(parts, random);

        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.nullCount()).isEqualTo(1);
        assertThat(merged.wrongTypeCount()).isEqualTo(1);
        assertThat(merged.nonFiniteCount()).isEqualTo(whole.nonFiniteCount());
        assertThat(Double.doubleToRawLongBits(merged.min())).isEqualTo(Double.doubleToRawLongBits(whole.min()));
        assertThat(Double.doubleToRawLongBits(merged.max())).isEqualTo(Double.doubleToRawLongBits(whole.max()));
        assertThat(Double.doubleToRawLongBits(merged.mean())).isEqualTo(Double.doubleToRawLongBits(whole.mean()));
        assertThat(Double.doubleToRawLongBits(merged.sampleVariance()))
                .isEqualTo(Double.doubleToRawLongBits(whole.sampleVariance()));
        assertThat(merged.holdsExactValues()).isEqualTo(whole.count() <= SMALL_SKETCH.exactValueCap());
        if (merged.holdsExactValues()) {
            assertThat(merged.exactSample().orElseThrow().toArray())
                    .containsExactly(whole.exactSample().orElseThrow().toArray());
        }
        assertThat(merged.sketch().getN()).isEqualTo(whole.count());
        assertRanksWithinError(merged, SortedSample.of(finite(values)));
    }

    @Test
    void missingValuesAreCountedApartAndNeverReachTheStatistics() {
        NumericProfile profile = NumericProfile.of(NumericProfileConfig.defaults(),
                1.0, Double.NaN, 3.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        profile.updateNull();
        profile.updateWrongType();
        profile.updateWrongType();

        assertThat(profile.count()).isEqualTo(2);
        assertThat(profile.nonFiniteCount()).isEqualTo(3);
        assertThat(profile.nullCount()).isEqualTo(1);
        assertThat(profile.wrongTypeCount()).isEqualTo(2);
        assertThat(profile.mean()).isEqualTo(2.0);
        assertThat(profile.sampleVariance()).isEqualTo(2.0);
        assertThat(profile.exactSample().orElseThrow().toArray()).containsExactly(1.0, 3.0);
        assertThat(profile.sketch().getN()).isEqualTo(2);
    }

    @Test
    void anEmptyProfileReportsNaNStatisticsAndAnEmptySample() {
        NumericProfile profile = NumericProfile.create(NumericProfileConfig.defaults());
        assertThat(profile.min()).isNaN();
        assertThat(profile.mean()).isNaN();
        assertThat(profile.sampleVariance()).isNaN();
        assertThat(profile.exactSample().orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void rawValuesAreDroppedOnceTheCapIsExceededAndMergesKeepThemOnlyWithinTheCap() {
        NumericProfileConfig config = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 3);
        NumericProfile two = NumericProfile.of(config, 1, 2);
        NumericProfile one = NumericProfile.of(config, 3);
        NumericProfile four = NumericProfile.of(config, 1, 2, 3, 4);

        NumericProfile three = two.copy();
        three.merge(one);
        NumericProfile five = three.copy();
        five.merge(two);

        assertThat(three.exactSample().orElseThrow().toArray()).containsExactly(1, 2, 3);
        assertThat(four.holdsExactValues()).isFalse();
        assertThat(five.holdsExactValues()).isFalse();
        assertThat(five.exactSample()).isEmpty();
        assertThat(two.exactSample().orElseThrow().toArray()).containsExactly(1, 2);
    }

    @Test
    void mergingProfilesConfiguredDifferentlyIsRefusedWithBothConfigurations() {
        NumericProfile small = NumericProfile.create(new NumericProfileConfig(16, 10));
        NumericProfile large = NumericProfile.create(NumericProfileConfig.defaults());
        assertThatThrownBy(() -> small.merge(large))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kllK=16").hasMessageContaining("kllK=547");
    }

    @Test
    void defaultSketchRankErrorIsTheDocumentedHalfPercent() {
        assertThat(NumericProfileConfig.defaults().normalizedRankError()).isCloseTo(0.004998,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 32, 200, NumericProfileConfig.DEFAULT_KLL_K})
    void sketchRanksAndQuantilesAreWithinTheStatedRankErrorOnTheLargestGoldenCase(int k) {
        GoldenCase golden = GoldenCases.load("normal_scale_large");
        NumericProfile profile = NumericProfile.of(new NumericProfileConfig(k, 0), golden.referenceValues());
        SortedSample exact = golden.referenceSample();
        double epsilon = profile.normalizedRankError();

        assertThat(epsilon).isEqualTo(new NumericProfileConfig(k, 0).normalizedRankError());
        assertRanksWithinError(profile, exact);
        KllDoublesSketch sketch = profile.sketch();
        for (int percent = 1; percent < 100; percent++) {
            double rank = percent / 100.0;
            double quantile = sketch.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
            double trueRank = (double) exact.countAtOrBelow(quantile) / exact.size();
            assertThat(trueRank).as("true rank of the sketch's %s quantile, k=%s", rank, k)
                    .isBetween(rank - epsilon, rank + epsilon + 1.0 / exact.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shuffled", "descending"})
    void aDefaultSketchFedInSortedBatchesKeepsTheStatedRankErrorWhateverTheArrivalOrder(String order) {
        int size = 200_000;
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = "descending".equals(order) ? size - 1 - i : i;
        }
        if ("shuffled".equals(order)) {
            Random random = new Random(11);
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double swap = values[i];
                values[i] = values[j];
                values[j] = swap;
            }
        }
        NumericProfile profile = NumericProfile.of(NumericProfileConfig.defaults(), values);
        KllDoublesSketch sketch = profile.sketch();
        double epsilon = profile.normalizedRankError();

        assertThat(epsilon).isEqualTo(NumericProfileConfig.defaults().normalizedRankError());
        for (int x = 0; x < size; x += 397) {
            double trueRank = (x + 1.0) / size;
            assertThat(sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE)).as("rank of %s", x)
                    .isBetween(trueRank - epsilon, trueRank + epsilon);
        }
    }

    private static void assertRanksWithinError(NumericProfile profile, SortedSample exact) {
        KllDoublesSketch sketch = profile.sketch();
        double epsilon = profile.normalizedRankError();
        for (int i = 0; i < exact.size(); i += Math.max(1, exact.size() / 500)) {
            double x = exact.get(i);
            double trueRank = (double) exact.countAtOrBelow(x) / exact.size();
            assertThat(sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE)).as("rank of %s", x)
                    .isBetween(trueRank - epsilon, trueRank + epsilon);
        }
    }

    static double[] randomColumn(Random random, int size) {
        double[] values = new double[size];
        double offset = random.nextBoolean() ? 0 : 1e6;
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(40);
            values[i] = switch (kind) {
                case 0 -> Double.NaN;
                case 1 -> Math.floor(random.nextGaussian() * 3);
                case 2 -> -0.0;
                default -> offset + random.nextGaussian() * Math.exp(random.nextGaussian() * 3);
            };
        }
        return values;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static List<NumericProfile> split(double[] values, Random random) {
        int partCount = 1 + random.nextInt(6);
        int[] cuts = random.ints(partCount - 1, 0, values.length + 1).sorted().toArray();
        List<NumericProfile> parts = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            parts.add(NumericProfile.of(SMALL_SKETCH, Arrays.copyOfRange(values, start, cut)));
            start = cut;
        }
        parts.add(NumericProfile.of(SMALL_SKETCH, Arrays.copyOfRange(values, start, values.length)));
        return parts;
    }

    /** Merges pairs picked at random until one profile is left: every merge tree shape and order occurs. */
    private static NumericProfile mergeInRandomOrder(List<NumericProfile> parts, Random random) {
        List<NumericProfile> pending = new ArrayList<>(parts);
        while (pending.size() > 1) {
            NumericProfile left = pending.remove(random.nextInt(pending.size()));
            NumericProfile right = pending.remove(random.nextInt(pending.size()));
            left.merge(right);
            pending.add(left);
        }
        return pending.get(0);
    }
}
