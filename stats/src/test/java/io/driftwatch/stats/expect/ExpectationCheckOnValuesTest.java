package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.SchemaFinding.Severity;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.ABOVE_MAX;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.BELOW_MIN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.EXPECTED_TYPE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_SHARE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.REQUIRED_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

/** Each expectation on values held exactly, as {@code check} reads them. */
class ExpectationCheckOnValuesTest {

    private static ColumnData numbers(long missing, double... values) {
        return new ColumnData.Numeric(SortedSample.of(values), missing);
    }

    private static ColumnData labels(long missing, String... values) {
        return new ColumnData.Categorical(CategoryCounts.ofValues(List.of(values)), missing);
    }

    @Test
    void valuesAtEitherBoundPassSinceBothAreInclusive() {
        ColumnExpectation range = ColumnExpectation.of("age").withMin(18).withMax(99);

        assertThat(ExpectationCheck.onValues(range, numbers(0, 18, 40, 99))).isEmpty();
    }

    @Test
    void valuesBelowTheMinimumAreCountedWithTheSmallest() {
        ColumnExpectation range = ColumnExpectation.of("age").withMin(18);

        assertThat(ExpectationCheck.onValues(range, numbers(0, 17.5, 16, 18, 40))).containsExactly(new SchemaFinding(
                "age", BELOW_MIN, Severity.WARNING, "expect.min = 18: 2 of 4 values (50.0%) below, smallest 16"));
    }

    @Test
    void valuesAboveTheMaximumAreCountedWithTheLargest() {
        ColumnExpectation range = ColumnExpectation.of("income").withMax(10_000_000).withSeverity(Severity.ERROR);
        double[] values = IntStream.range(0, 5000).mapToDouble(i -> i < 12 ? 2.3e7 : 50_000).toArray();

        assertThat(ExpectationCheck.onValues(range, numbers(0, values))).containsExactly(new SchemaFinding("income",
                ABOVE_MAX, Severity.ERROR, "expect.max = 10000000: 12 of 5000 values (0.2%) above, largest 23000000"));
    }

    @Test
    void aBrokenMinimumAndMaximumGiveOneFindingEach() {
        ColumnExpectation range = ColumnExpectation.of("x").withMin(0).withMax(1);

        assertThat(ExpectationCheck.onValues(range, numbers(0, -1, 0.5, 2))).extracting(SchemaFinding::kind)
                .containsExactly(BELOW_MIN, ABOVE_MAX);
    }

    @Test
    void anUnseenValueIsAnErrorWhenThePolicySaysSo() {
        ColumnExpectation cities = ColumnExpectation.of("city").withValues(Set.of("oslo", "rome"), UnseenValues.ERROR);

        assertThat(ExpectationCheck.onValues(cities, labels(0, "oslo", "rome", "lima", "lima", "kyiv")))
                .containsExactly(new SchemaFinding("city", UNEXPECTED_VALUE, Severity.ERROR, "expect.values = ['oslo',"
                        + " 'rome']: 3 of 5 values (60.0%) are outside the allowed set: 'kyiv', 'lima'"));
    }

    @Test
    void anUnseenValueIsAWarningWhenThePolicySaysSo() {
        ColumnExpectation cities = ColumnExpectation.of("city").withValues(Set.of("oslo"), UnseenValues.WARNING);

        assertThat(ExpectationCheck.onValues(cities, labels(0, "oslo", "lima"))).extracting(SchemaFinding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void anUnseenValueIsNoFindingWhenThePolicyIgnoresIt() {
        ColumnExpectation cities = ColumnExpectation.of("city").withValues(Set.of("oslo"), UnseenValues.IGNORE);

        assertThat(ExpectationCheck.onValues(cities, labels(0, "oslo", "lima"))).isEmpty();
    }

    @Test
    void numbersAreCheckedAgainstTheAllowedValuesAsTheirLabels() {
        ColumnExpectation rating = ColumnExpectation.of("rating").withValues(Set.of("1", "2", "3"), UnseenValues.ERROR);

        assertThat(ExpectationCheck.onValues(rating, numbers(0, 1, 2, 3, 3, 7))).containsExactly(new SchemaFinding(
                "rating", UNEXPECTED_VALUE, Severity.ERROR,
                "expect.values = ['1', '2', '3']: 1 of 5 values (20.0%) are outside the allowed set: '7'"));
    }

    @Test
    void aMissingShareExactlyAtTheLimitPasses() {
        ColumnExpectation share = ColumnExpectation.of("x").withMaxMissingShare(0.05);
        double[] ninetyFive = IntStream.range(0, 95).mapToDouble(i -> i).toArray();

        assertThat(ExpectationCheck.onValues(share, numbers(5, ninetyFive))).isEmpty();
    }

    @Test
    void aMissingShareAboveTheLimitIsAFinding() {
        ColumnExpectation share = ColumnExpectation.of("x").withMaxMissingShare(0.05);
        double[] ninetyFour = IntStream.range(0, 94).mapToDouble(i -> i).toArray();

        assertThat(ExpectationCheck.onValues(share, numbers(6, ninetyFour))).containsExactly(new SchemaFinding("x",
                MISSING_SHARE, Severity.WARNING, "expect.max_missing_share = 0.05: 6 of 100 rows (6.0%) miss a valid value"));
    }

    @Test
    void aColumnOfTheWrongTypeBreaksTypeAloneAndAtErrorByDefault() {
        ColumnExpectation expectation = ColumnExpectation.of("zip").withType(ColumnType.NUMERIC).withMin(0)
                .withMaxMissingShare(0);

        assertThat(ExpectationCheck.onValues(expectation, labels(3, "0150", "N/A"))).containsExactly(new SchemaFinding(
                "zip", EXPECTED_TYPE, Severity.ERROR, "expect.type = numeric: the current data holds categorical values;"
                        + " the column's other expectations were not checked"));
    }

    @Test
    void aRangeOnCategoriesBreaksTheTypeItImplies() {
        ColumnExpectation range = ColumnExpectation.of("zip").withMin(1000);

        assertThat(ExpectationCheck.onValues(range, labels(0, "0150"))).extracting(SchemaFinding::detail)
                .containsExactly("expect.min = 1000 (a range needs numbers): the current data holds categorical values;"
                        + " the column's other expectations were not checked");
    }

    @Test
    void anAbsentRequiredColumnIsAnErrorAndAnAbsentOptionalOneIsNothing() {
        ColumnExpectation required = ColumnExpectation.of("income").withRequired(true);

        assertThat(ExpectationCheck.onAbsence(required, false)).contains(new SchemaFinding("income", REQUIRED_COLUMN,
                Severity.ERROR, "expect.required = true: the current data does not have the column"));
        assertThat(ExpectationCheck.onAbsence(required, true).orElseThrow().detail())
                .isEqualTo("expect.required = true: every current row is missing it (missing share 100%)");
        assertThat(ExpectationCheck.onAbsence(ColumnExpectation.of("income").withMaxMissingShare(0), false)).isEmpty();
    }
}
