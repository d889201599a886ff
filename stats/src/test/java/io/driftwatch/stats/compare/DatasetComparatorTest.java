package io.driftwatch.stats.compare;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatasetComparatorTest {
    private final DatasetComparator comparator = new DatasetComparator(ComparisonSettings.DEFAULT);

    private static ColumnData numeric(double[] values, long missing) {
        return new ColumnData.Numeric(SortedSample.of(values), missing);
    }

    private static ColumnData categorical(Map<String, Long> counts) {
        return new ColumnData.Categorical(CategoryCounts.of(counts), 0);
    }

    @Test
    void defaultKsOnTheGoldenShiftGivesScipysNumbersAndDrift() {
        GoldenCase golden = GoldenCases.load("normal_shift");
        DriftComparison report = comparator.compare(Map.of("x", numeric(golden.referenceValues(), 0)),
                Map.of("x", numeric(golden.currentValues(), 0)));
        TestVerdict ks = report.columns().get("x").tests().get("ks");
        assertThat(ks.outcome().statistic()).isCloseTo(golden.expected("ks", "statistic"), within(1e-9));
        assertThat(ks.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(report.dataset().driftDetected()).isTrue();
        assertThat(report.dataset().share()).isEqualTo(1.0);
    }

    @Test
    void aCurrentColumnWithoutASingleValueIsMissingAsInTheStreamAndSaysItIsABrokenFeed() {
        Map<String, ColumnData> reference = new LinkedHashMap<>();
        reference.put("income", numeric(new double[]{1, 2, 3}, 0));
        reference.put("city", categorical(Map.of("oslo", 5L)));
        Map<String, ColumnData> current = new LinkedHashMap<>();
        current.put("income", numeric(new double[0], 300));
        current.put("city", categorical(Map.of("oslo", 5L)));
        DriftComparison report = comparator.compare(reference, current);
        assertThat(report.columns().keySet()).containsExactly("city");
        assertThat(report.schemaFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.column()).isEqualTo("income");
            assertThat(finding.kind()).isEqualTo(SchemaFinding.Kind.MISSING_COLUMN);
            assertThat(finding.severity()).isEqualTo(SchemaFinding.Severity.ERROR);
            assertThat(finding.detail()).contains("every current row is missing it (missing share 100%)");
        });
    }

    @Test
    void aReferenceColumnWithoutASingleValueMakesTheCurrentOneUnexpectedAndSaysWhy() {
        DriftComparison report = comparator.compare(Map.of("tenure", numeric(new double[0], 40)),
                Map.of("tenure", numeric(new double[]{1, 2, 3}, 0)));
        assertThat(report.schemaFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(SchemaFinding.Kind.UNEXPECTED_COLUMN);
            assertThat(finding.detail()).isEqualTo("in the current data; the reference names it but has no value in it");
        });
    }

    @Test
    void findsEachKindOfSchemaDifference() {
        Map<String, ColumnData> reference = new LinkedHashMap<>();
        reference.put("gone", numeric(new double[]{1, 2, 3}, 0));
        reference.put("age", numeric(new double[]{20, 30, 40, 50, 60, 70}, 0));
        reference.put("city", categorical(Map.of("oslo", 5L, "rome", 5L)));
        reference.put("code", numeric(new double[]{1, 2, 3}, 0));
        Map<String, ColumnData> current = new LinkedHashMap<>();
        current.put("age", numeric(new double[]{10, 30, 40, 50, 95, 96}, 3));
        current.put("city", categorical(Map.of("oslo", 5L, "lima", 1L)));
        current.put("code", categorical(Map.of("A1", 3L)));
        current.put("extra", numeric(new double[]{1}, 0));
        DriftComparison report = comparator.compare(reference, current);
        assertThat(report.schemaFindings()).extracting(f -> f.column() + ":" + f.kind().label() + ":" + f.severity().label())
                .containsExactly("gone:missing_column:error", "age:out_of_range:warning", "age:missing_rate_jump:warning",
                        "city:unseen_category:warning", "code:type_change:error", "extra:unexpected_column:warning");
        assertThat(report.schemaFindings().get(1).detail())
                .isEqualTo("3 of 6 current values (50.0%) lie outside the reference range [20, 70]: 1 below, 2 above");
        assertThat(report.columns().keySet()).containsExactly("age", "city");
        assertThat(report.columns().get("city").unseenCategories()).containsExactly("lima");
    }

    @Test
    void aNumericColumnWithFewValuesIsComparedAsCategoriesWithChiSquare() {
        DriftComparison report = comparator.compare(
                Map.of("n", numeric(new double[]{1, 1, 2, 2, 3, 3, 1, 2}, 0)),
                Map.of("n", numeric(new double[]{1, 2, 3, 3, 3, 3, 3, 3}, 0)));
        ColumnReport column = report.columns().get("n");
        assertThat(column.comparedAsCategories()).isTrue();
        assertThat(column.tests()).containsOnlyKeys("chi_square");
    }

    @Test
    void aCategoricalOnlyTestRequestedForNumbersIsSkippedWithAReason() {
        ComparisonSettings settings = new ComparisonSettings(TestOptions.DEFAULT, List.of("ks", "z_test"), Map.of(),
                Map.of(), Map.of(), 0.5, 0.1);
        DriftComparison report = new DatasetComparator(settings).compare(
                Map.of("c", categorical(Map.of("a", 3L, "b", 4L, "c", 2L))), Map.of("c", categorical(Map.of("a", 3L, "b", 4L))));
        ColumnReport column = report.columns().get("c");
        assertThat(column.notApplicable()).containsKeys("ks", "z_test");
        assertThat(column.notApplicable().get("ks")).isEqualTo("needs numbers; this column holds categories");
        assertThat(report.dataset().columns()).isZero();
    }

    @Test
    void aCategoryTestAskedForByNameComparesFewNumbersAsCategoriesButNeverMeasurements() {
        ComparisonSettings settings = new ComparisonSettings(TestOptions.DEFAULT, List.of("ks", "chi_square_contingency"),
                Map.of(), Map.of(), Map.of(), 0.5, 0.1);
        double[] amounts = new double[400];
        double[] shiftedAmounts = new double[400];
        double[] tenure = new double[400];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = 10 + i * 0.37;
            shiftedAmounts[i] = 60 + i * 0.41;
            tenure[i] = i % 10;
        }

        DriftComparison report = new DatasetComparator(settings).compare(
                Map.of("amount", numeric(amounts, 0), "tenure", numeric(tenure, 0)),
                Map.of("amount", numeric(shiftedAmounts, 0), "tenure", numeric(tenure, 0)));

        ColumnReport amount = report.columns().get("amount");
        assertThat(amount.tests()).containsOnlyKeys("ks");
        assertThat(amount.notApplicable().get("chi_square_contingency")).isEqualTo("compares categories, and the column"
                + " is numeric with more than 50 distinct values; declare the column categorical to compare its values as"
                + " categories");
        assertThat(report.columns().get("tenure").tests()).containsOnlyKeys("ks", "chi_square_contingency");
        assertThat(report.columns().get("tenure").tests().get("chi_square_contingency").outcome().pValue()).isEqualTo(1.0);
    }

    @Test
    void perColumnThresholdOverridesTheTestsDefaultButKeepsItsDirection() {
        ComparisonSettings settings = new ComparisonSettings(TestOptions.DEFAULT, List.of(), Map.of(),
                Map.of("ks", 0.01), Map.of("x", Map.of("ks", 0.2)), 0.5, 0.1);
        assertThat(settings.thresholdFor("x", "ks")).isEqualTo(new Threshold(Threshold.Rule.P_VALUE_AT_MOST, 0.2));
        assertThat(settings.thresholdFor("y", "ks")).isEqualTo(new Threshold(Threshold.Rule.P_VALUE_AT_MOST, 0.01));
        assertThat(settings.thresholdFor("y", "psi")).isEqualTo(DriftDefaults.threshold("psi"));
    }

    @Test
    void datasetDriftCountsTheShareOfDriftedColumns() {
        GoldenCase shifted = GoldenCases.load("normal_shift");
        GoldenCase same = GoldenCases.load("normal_same");
        Map<String, ColumnData> reference = new LinkedHashMap<>();
        Map<String, ColumnData> current = new LinkedHashMap<>();
        reference.put("a", numeric(shifted.referenceValues(), 0));
        current.put("a", numeric(shifted.currentValues(), 0));
        reference.put("b", numeric(same.referenceValues(), 0));
        current.put("b", numeric(same.currentValues(), 0));
        reference.put("c", numeric(same.referenceValues(), 0));
        current.put("c", numeric(same.currentValues(), 0));
        DatasetVerdict dataset = comparator.compare(reference, current).dataset();
        assertThat(dataset.columns()).isEqualTo(3);
        assertThat(dataset.driftedColumns()).isEqualTo(1);
        assertThat(dataset.share()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(dataset.driftDetected()).isFalse();
    }
}
