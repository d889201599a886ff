package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.SchemaFinding.Severity;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.KllSeed;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.ABOVE_MAX;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.BELOW_MIN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.EXPECTED_TYPE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_SHARE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

/** Each expectation on a window's profiles, past their exact caps so the sketches answer, and held exactly. */
class ExpectationCheckOnProfileTest {
    private static final NumericProfileConfig SKETCH_ONLY = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);
    private static final NumericProfileConfig HOLDS_VALUES = NumericProfileConfig.defaults();
    /** Two exact categories, then a frequent-items map of 8 slots. */
    private static final CategoricalProfileConfig FEW_EXACT_CATEGORIES = new CategoricalProfileConfig(2, 3, 8);
    private static final Pattern ESTIMATED = Pattern.compile("expect\\.(min|max) = (\\S+): about (\\d+) \\(within (\\d+)\\)"
            + " of (\\d+) values (below, smallest|above, largest) (\\S+) \\(counted from the window's quantile sketch\\)");

    @BeforeEach
    void repeatableSketches() {
        KllSeed.reset(20_261_207L);
    }

    private static NumericProfile numbers(NumericProfileConfig config, int from, int to) {
        List<Double> values = new ArrayList<>();
        IntStream.range(from, to).forEach(i -> values.add((double) i));
        Collections.shuffle(values, new Random(7));
        NumericProfile profile = NumericProfile.create(config);
        values.forEach(profile::update);
        return profile;
    }

    @Test
    void valuesAboveTheMaximumAreEstimatedFromTheSketchWithinItsRankError() {
        NumericProfile window = numbers(SKETCH_ONLY, 0, 97_000);
        window.merge(numbers(SKETCH_ONLY, 200_000, 203_000));
        assertThat(window.sketch().isEstimationMode()).isTrue();

        List<SchemaFinding> findings = ExpectationCheck.onProfile(ColumnExpectation.of("x").withMax(150_000), window);

        assertThat(findings).extracting(SchemaFinding::kind).containsExactly(ABOVE_MAX);
        Matcher detail = ESTIMATED.matcher(findings.get(0).detail());
        assertThat(detail.matches()).as(findings.get(0).detail()).isTrue();
        assertThat(detail.group(2)).isEqualTo("150000");
        assertThat(detail.group(5)).isEqualTo("100000");
        assertThat(detail.group(7)).as("the largest value is exact").isEqualTo("202999");
        long within = Long.parseLong(detail.group(4));
        assertThat(within).isEqualTo((long) Math.ceil(window.normalizedRankError() * 100_000)).isPositive();
        assertThat(Long.parseLong(detail.group(3))).isBetween(3000 - within, 3000 + within);
    }

    @Test
    void valuesBelowTheMinimumAreEstimatedFromTheSketchWithinItsRankError() {
        NumericProfile window = numbers(SKETCH_ONLY, 0, 99_700);
        window.merge(numbers(SKETCH_ONLY, -1_000, -700));

        List<SchemaFinding> findings = ExpectationCheck.onProfile(ColumnExpectation.of("x").withMin(0).withMax(99_699),
                window);

        assertThat(findings).extracting(SchemaFinding::kind).containsExactly(BELOW_MIN);
        Matcher detail = ESTIMATED.matcher(findings.get(0).detail());
        assertThat(detail.matches()).as(findings.get(0).detail()).isTrue();
        assertThat(detail.group(7)).isEqualTo("-1000");
        long within = Long.parseLong(detail.group(4));
        assertThat(Long.parseLong(detail.group(3))).isBetween(300 - within, 300 + within);
    }

    @Test
    void aRangeTheExactExtremesKeepIsNoFindingFromTheSketch() {
        NumericProfile window = numbers(SKETCH_ONLY, 0, 100_000);

        assertThat(ExpectationCheck.onProfile(ColumnExpectation.of("x").withMin(0).withMax(99_999), window)).isEmpty();
    }

    @Test
    void aSketchThatNeverCompactedCountsExactly() {
        NumericProfile window = numbers(SKETCH_ONLY, 0, 100);
        assertThat(window.holdsExactValues()).isFalse();

        assertThat(ExpectationCheck.onProfile(ColumnExpectation.of("x").withMax(97), window)).extracting(SchemaFinding::detail)
                .containsExactly("expect.max = 97: 2 of 100 values (2.0%) above, largest 99");
    }

    @Test
    void theMissingShareOfASketchedWindowIsExact() {
        NumericProfile window = numbers(SKETCH_ONLY, 0, 10_000);
        IntStream.range(0, 1_000).forEach(i -> window.updateNull());
        window.update(Double.NaN);

        assertThat(ExpectationCheck.onProfile(ColumnExpectation.of("x").withMaxMissingShare(0.05), window))
                .containsExactly(new SchemaFinding("x", MISSING_SHARE, Severity.WARNING,
                        "expect.max_missing_share = 0.05: 1001 of 11001 rows (9.1%) miss a valid value"));
    }

    @Test
    void aFrequentCategoryOutsideTheAllowedSetIsNamedAndMoreMayExist() {
        List<String> cities = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> IntStream.range(0, 50 + i).forEach(n -> cities.add("city-" + i)));
        IntStream.range(0, 500).forEach(n -> cities.add("atlantis"));
        Collections.shuffle(cities, new Random(11));
        CategoricalProfile window = CategoricalProfile.of(FEW_EXACT_CATEGORIES, cities);
        assertThat(window.maximumError()).isPositive();
        Set<String> allowed = new TreeSet<>();
        IntStream.range(0, 40).forEach(i -> allowed.add("city-" + i));

        List<SchemaFinding> findings = ExpectationCheck.onProfile(
                ColumnExpectation.of("city").withValues(allowed, UnseenValues.ERROR), window);

        assertThat(findings).extracting(SchemaFinding::kind, SchemaFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UNEXPECTED_VALUE, Severity.ERROR));
        Matcher detail = Pattern.compile("expect\\.values = \\['city-0', .* and 30 more]: (?:between (\\d+) and )?(\\d+)"
                + " of 3280 values are outside the allowed set: known: 'atlantis'; more may exist \\(the window's"
                + " frequent-items sketch lists only its frequent categories\\)").matcher(findings.get(0).detail());
        assertThat(detail.matches()).as(findings.get(0).detail()).isTrue();
        long low = detail.group(1) == null ? Long.parseLong(detail.group(2)) : Long.parseLong(detail.group(1));
        assertThat(500L).isBetween(low, Long.parseLong(detail.group(2)));
        assertThat(low).as("at least the count the sketch is sure of for 'atlantis'")
                .isGreaterThanOrEqualTo(window.frequency("atlantis").lowerBound()).isPositive();
    }

    @Test
    void unseenValuesNoneOfWhichTheSketchListsAreStillBoundedInCount() {
        List<String> values = new ArrayList<>();
        IntStream.range(0, 3000).forEach(n -> values.add(n % 2 == 0 ? "yes" : "no"));
        IntStream.range(0, 300).forEach(n -> values.add("typo-" + n));
        Collections.shuffle(values, new Random(3));
        CategoricalProfile window = CategoricalProfile.of(FEW_EXACT_CATEGORIES, values);

        List<SchemaFinding> findings = ExpectationCheck.onProfile(
                ColumnExpectation.of("answer").withValues(Set.of("yes", "no"), UnseenValues.WARNING), window);

        assertThat(findings).extracting(SchemaFinding::kind).containsExactly(UNEXPECTED_VALUE);
        Matcher detail = Pattern.compile("expect\\.values = \\['no', 'yes']: between (\\d+) and (\\d+) of 3300 values are"
                + " outside the allowed set: .*").matcher(findings.get(0).detail());
        assertThat(detail.matches()).as(findings.get(0).detail()).isTrue();
        assertThat(300L).isBetween(Long.parseLong(detail.group(1)), Long.parseLong(detail.group(2)));
        assertThat(Long.parseLong(detail.group(1))).isPositive();
    }

    @Test
    void aSketchWhoseEveryValueIsAllowedClaimsNothing() {
        List<String> cities = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> IntStream.range(0, 50 + i).forEach(n -> cities.add("city-" + i)));
        CategoricalProfile window = CategoricalProfile.of(FEW_EXACT_CATEGORIES, cities);
        Set<String> allowed = new TreeSet<>(cities);

        assertThat(ExpectationCheck.onProfile(ColumnExpectation.of("city").withValues(allowed, UnseenValues.ERROR),
                window)).isEmpty();
    }

    @Test
    void numbersOutsideTheAllowedSetAreNamedFromTheQuantileSketchAndMoreMayExist() {
        NumericProfile window = NumericProfile.create(SKETCH_ONLY);
        IntStream.range(0, 100_000).forEach(i -> window.update(1 + i % 3));
        window.update(42);
        assertThat(window.sketch().isEstimationMode()).isTrue();

        List<SchemaFinding> findings = ExpectationCheck.onProfile(ColumnExpectation.of("rating")
                .withValues(Set.of("1", "2", "3"), UnseenValues.ERROR), window);

        assertThat(findings).containsExactly(new SchemaFinding("rating", UNEXPECTED_VALUE, Severity.ERROR,
                "expect.values = ['1', '2', '3']: values outside the allowed set among the 100001 values: '42'; more"
                        + " may exist, and how many is unknown (the window keeps a quantile sketch of this column)"));
    }

    @Test
    void aSketchedProfileOfTheWrongTypeBreaksType() {
        NumericProfile window = numbers(SKETCH_ONLY, 0, 10_000);

        assertThat(ExpectationCheck.onProfile(ColumnExpectation.of("x").withType(ColumnType.CATEGORICAL), window))
                .extracting(SchemaFinding::kind).containsExactly(EXPECTED_TYPE);
    }

    @Test
    void aWindowHeldExactlyGivesTheVeryFindingsCheckGivesOnTheSameValues() {
        double[] values = IntStream.range(0, 1_000).mapToDouble(i -> i % 7 == 0 ? -i : i * 1.5).toArray();
        NumericProfile window = NumericProfile.of(HOLDS_VALUES, values);
        IntStream.range(0, 80).forEach(i -> window.updateNull());
        ColumnExpectation expectation = ColumnExpectation.of("x").withMin(0).withMax(1_000)
                .withValues(Set.of("0", "3"), UnseenValues.WARNING).withMaxMissingShare(0.05);
        List<String> cities = List.of("oslo", "rome", "lima", "oslo");
        ColumnExpectation cityExpectation = ColumnExpectation.of("city").withValues(Set.of("oslo"), UnseenValues.ERROR);

        List<SchemaFinding> fromWindow = ExpectationCheck.onProfile(expectation, window);
        List<SchemaFinding> fromFile = ExpectationCheck.onValues(expectation,
                new ColumnData.Numeric(SortedSample.of(values), 80));

        assertThat(fromWindow).extracting(SchemaFinding::kind).containsExactly(BELOW_MIN, ABOVE_MAX, UNEXPECTED_VALUE,
                MISSING_SHARE);
        assertThat(fromWindow).isEqualTo(fromFile);
        assertThat(ExpectationCheck.onProfile(cityExpectation, CategoricalProfile.of(CategoricalProfileConfig.defaults(),
                cities))).isEqualTo(ExpectationCheck.onValues(cityExpectation,
                new ColumnData.Categorical(CategoryCounts.ofValues(cities), 0)));
    }
}
