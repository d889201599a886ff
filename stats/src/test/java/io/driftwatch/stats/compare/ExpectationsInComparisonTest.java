package io.driftwatch.stats.compare;

import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.expect.UnseenValues;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.driftwatch.stats.compare.DatasetJudgement.Outcome.NOT_JUDGED;
import static io.driftwatch.stats.compare.DatasetJudgement.Outcome.NO_DRIFT;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.ABOVE_MAX;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.EXPECTED_TYPE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_SHARE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.REQUIRED_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.TYPE_CHANGE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** How the comparison reports a policy's expectations beside its other schema findings, for files and windows alike. */
class ExpectationsInComparisonTest {

    private static double[] range(int from, int to) {
        return IntStream.range(from, to).asDoubleStream().toArray();
    }

    private static ColumnData numbers(double[] values, long missing) {
        return new ColumnData.Numeric(SortedSample.of(values), missing);
    }

    private static ColumnData labels(Map<String, Long> counts) {
        return new ColumnData.Categorical(CategoryCounts.of(counts), 0);
    }

    @SafeVarargs
    private static <V> Map<String, V> ordered(Map.Entry<String, V>... columns) {
        Map<String, V> map = new LinkedHashMap<>();
        for (Map.Entry<String, V> column : columns) {
            map.put(column.getKey(), column.getValue());
        }
        return map;
    }

    private static DriftComparison check(List<ColumnExpectation> expectations, Map<String, ColumnData> reference,
                                         Map<String, ColumnData> current) {
        return new DatasetComparator(ComparisonSettings.DEFAULT.withExpectations(expectations)).compare(reference, current);
    }

    @Test
    void aRequiredColumnNeitherSideHasIsAnErrorThatWithholdsTheVerdict() {
        DriftComparison report = check(List.of(ColumnExpectation.of("income").withRequired(true)),
                Map.of("x", numbers(range(0, 100), 0)), Map.of("x", numbers(range(0, 100), 0)));

        assertThat(report.schemaFindings()).containsExactly(new SchemaFinding("income", REQUIRED_COLUMN,
                SchemaFinding.Severity.ERROR, "expect.required = true: the current data does not have the column"));
        DatasetJudgement judgement = DatasetJudgement.of(report, 100, DriftDefaults.MIN_CHECK_ROWS);
        assertThat(judgement.outcome()).isEqualTo(NOT_JUDGED);
        assertThat(judgement.reasons()).containsExactly("income: required_column (expect.required = true: the current"
                + " data does not have the column)");
    }

    @Test
    void aRequiredColumnTheReferenceHasIsReportedOnceAsTheMissingColumnItIs() {
        DriftComparison report = check(List.of(ColumnExpectation.of("income").withRequired(true)),
                ordered(Map.entry("x", numbers(range(0, 100), 0)), Map.entry("income", numbers(range(0, 100), 0))),
                Map.of("x", numbers(range(0, 100), 0), "income", numbers(new double[0], 100)));

        assertThat(report.schemaFindings()).extracting(SchemaFinding::column, SchemaFinding::kind)
                .containsExactly(tuple("income", MISSING_COLUMN));
    }

    @Test
    void anOptionalColumnMayBeAbsent() {
        DriftComparison report = check(List.of(ColumnExpectation.of("income").withMaxMissingShare(0)),
                Map.of("x", numbers(range(0, 100), 0)), Map.of("x", numbers(range(0, 100), 0)));

        assertThat(report.schemaFindings()).isEmpty();
    }

    @Test
    void aRequiredColumnEveryCurrentRowMissesIsAbsentToo() {
        DriftComparison report = check(List.of(ColumnExpectation.of("income").withRequired(true)),
                Map.of("x", numbers(range(0, 100), 0)),
                ordered(Map.entry("x", numbers(range(0, 100), 0)), Map.entry("income", numbers(new double[0], 100))));

        assertThat(report.schemaFindings()).extracting(SchemaFinding::detail)
                .containsExactly("expect.required = true: every current row is missing it (missing share 100%)");
    }

    @Test
    void expectationsFollowTheirColumnsOtherFindingsAndAreCheckedOnColumnsOnlyTheCurrentSideHas() {
        Map<String, ColumnData> reference = ordered(Map.entry("age", numbers(range(0, 100), 0)),
                Map.entry("city", labels(Map.of("oslo", 60L, "rome", 40L))));
        Map<String, ColumnData> current = ordered(Map.entry("age", numbers(range(0, 100), 10)),
                Map.entry("city", labels(Map.of("oslo", 50L, "rome", 40L, "lima", 10L))),
                Map.entry("score", numbers(range(0, 120), 0)));

        DriftComparison report = check(List.of(
                ColumnExpectation.of("score").withMax(100),
                ColumnExpectation.of("city").withValues(Set.of("oslo", "rome"), UnseenValues.ERROR),
                ColumnExpectation.of("age").withMaxMissingShare(0.05)), reference, current);

        assertThat(report.schemaFindings()).extracting(SchemaFinding::column, SchemaFinding::kind, SchemaFinding::severity)
                .containsExactly(
                        tuple("age", MISSING_SHARE, SchemaFinding.Severity.WARNING),
                        tuple("city", SchemaFinding.Kind.UNSEEN_CATEGORY, SchemaFinding.Severity.WARNING),
                        tuple("city", UNEXPECTED_VALUE, SchemaFinding.Severity.ERROR),
                        tuple("score", UNEXPECTED_COLUMN, SchemaFinding.Severity.WARNING),
                        tuple("score", ABOVE_MAX, SchemaFinding.Severity.WARNING));
    }

    @Test
    void aColumnWhoseTypeChangedStillHasItsTypeExpectationChecked() {
        DriftComparison report = check(List.of(ColumnExpectation.of("zip").withType(ColumnType.NUMERIC)),
                Map.of("zip", numbers(range(0, 100), 0)), Map.of("zip", labels(Map.of("0150", 100L))));

        assertThat(report.schemaFindings()).extracting(SchemaFinding::kind).containsExactly(TYPE_CHANGE, EXPECTED_TYPE);
    }

    @Test
    void expectationsBrokenOnlyAtWarningKeepTheVerdict() {
        DriftComparison report = check(List.of(ColumnExpectation.of("x").withMax(50)),
                Map.of("x", numbers(range(0, 100), 0)), Map.of("x", numbers(range(0, 100), 0)));

        assertThat(report.schemaFindings()).extracting(SchemaFinding::kind).containsExactly(ABOVE_MAX);
        assertThat(DatasetJudgement.of(report, 100, DriftDefaults.MIN_CHECK_ROWS).outcome()).isEqualTo(NO_DRIFT);
    }

    @Test
    void aWindowHeldExactlyGivesTheFindingsCheckGivesOnTheSameValues() {
        List<ColumnExpectation> expectations = List.of(ColumnExpectation.of("x").withMin(10).withMax(80)
                .withMaxMissingShare(0.01).withSeverity(SchemaFinding.Severity.ERROR),
                ColumnExpectation.of("city").withValues(Set.of("oslo"), UnseenValues.WARNING),
                ColumnExpectation.of("gone").withRequired(true));
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withExpectations(expectations);
        double[] values = range(0, 100);
        NumericProfile windowX = NumericProfile.of(NumericProfileConfig.defaults(), values);
        IntStream.range(0, 5).forEach(i -> windowX.updateNull());
        List<String> cities = List.of("oslo", "oslo", "rome");
        Map<String, ColumnProfile> windowReference = ordered(Map.entry("x", NumericProfile.of(NumericProfileConfig.defaults(),
                values)), Map.entry("city", CategoricalProfile.of(CategoricalProfileConfig.defaults(), List.of("oslo"))));
        Map<String, ColumnProfile> window = ordered(Map.entry("x", windowX),
                Map.entry("city", CategoricalProfile.of(CategoricalProfileConfig.defaults(), cities)));

        DriftComparison fromWindow = new ProfileComparator(settings).compare(windowReference, window);
        DriftComparison fromFiles = new DatasetComparator(settings).compare(
                ordered(Map.entry("x", numbers(values, 0)), Map.entry("city", labels(Map.of("oslo", 1L)))),
                ordered(Map.entry("x", numbers(values, 5)), Map.entry("city", labels(Map.of("oslo", 2L, "rome", 1L)))));

        assertThat(fromWindow.schemaFindings()).extracting(SchemaFinding::kind).contains(SchemaFinding.Kind.BELOW_MIN,
                ABOVE_MAX, MISSING_SHARE, UNEXPECTED_VALUE, REQUIRED_COLUMN);
        assertThat(fromWindow.schemaFindings()).isEqualTo(fromFiles.schemaFindings());
    }

    @Test
    void settingsKeepTheExpectationsInTheirOrderAndRejectTwoForOneColumn() {
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withExpectations(List.of(ColumnExpectation.of("b"),
                ColumnExpectation.of("a")));

        assertThat(settings.expectations().keySet()).containsExactly("b", "a");
        assertThat(settings.withMinCurrentRecords(5).expectations().keySet()).containsExactly("b", "a");
        assertThat(ComparisonSettings.DEFAULT.expectations()).isEmpty();
        assertThatThrownBy(() -> ComparisonSettings.DEFAULT.withExpectations(List.of(ColumnExpectation.of("a"),
                ColumnExpectation.of("a").withRequired(true))))
                .hasMessage("column 'a' has two expectations; give each column one");
    }
}
