package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.drift.numeric.KsTest;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InformationalTestsTest {

    private static DriftComparison compare(ComparisonSettings settings, GoldenCase golden) {
        return new DatasetComparator(settings).compare(Map.of("x", column(golden, true)), Map.of("x", column(golden, false)));
    }

    private static ColumnData column(GoldenCase golden, boolean reference) {
        if (golden.isNumeric()) {
            return new ColumnData.Numeric(reference ? golden.referenceSample() : golden.currentSample(), 0);
        }
        return new ColumnData.Categorical(reference ? golden.referenceCounts() : golden.currentCounts(), 0);
    }

    @Test
    void aNumericColumnWithALargeReferenceIsDecidedByWassersteinAndInformedByKsAndPsiAsScipyComputesThem() {
        GoldenCase golden = GoldenCases.load("normal_scale_large");

        ColumnReport column = compare(ComparisonSettings.DEFAULT, golden).columns().get("x");

        assertThat(column.tests().keySet()).containsExactly("wasserstein");
        assertThat(column.informational().keySet()).containsExactly("ks", "psi");
        TestVerdict ks = column.informational().get("ks");
        TestOutcome ksOnTheSameValues = new KsTest(KsMethod.AUTO).compare(golden.referenceSample(), golden.currentSample());
        assertThat(ks.outcome()).isEqualTo(ksOnTheSameValues);
        assertThat(ks.outcome().statistic()).isCloseTo(golden.expected("ks", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
        assertThat(GoldenCases.pValueClose(ks.outcome().pValue(), golden.expected("ks_asymptotic", "pvalue"))).isTrue();
        assertThat(ks.outcome().method()).isEqualTo(Method.ASYMPTOTIC);
        assertThat(ks.threshold().describe()).isEqualTo("p <= 0.05");
        assertThat(ks.verdict()).isEqualTo(Verdict.DRIFT);
        TestVerdict psi = column.informational().get("psi");
        assertThat(psi.outcome().statistic()).isCloseTo(golden.expected("psi_quantile10", "statistic"),
                within(GoldenCases.STATISTIC_TOLERANCE));
        assertThat(psi.threshold().describe()).isEqualTo("statistic >= 0.1");
        assertThat(psi.verdict()).isEqualTo(Verdict.NO_DRIFT);
    }

    @Test
    void aCategoricalColumnIsInformedByPsiBesideJensenShannon() {
        GoldenCase golden = GoldenCases.load("cat_shift_new_category");

        ColumnReport column = compare(ComparisonSettings.DEFAULT, golden).columns().get("x");

        assertThat(column.tests().keySet()).containsExactly("jensen_shannon");
        assertThat(column.informational().keySet()).containsExactly("psi");
        assertThat(column.informational().get("psi").outcome().statistic())
                .isCloseTo(golden.expected("psi", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
        assertThat(column.informational().get("psi").verdict()).isEqualTo(Verdict.DRIFT);
    }

    @Test
    void aNumericColumnWithFewValuesComparedAsCategoriesIsInformedByPsiOnCategoriesAndNotByKs() {
        double[] reference = new double[2_000];
        double[] current = new double[1_000];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = i % 3;
        }
        for (int i = 0; i < current.length; i++) {
            current[i] = i % 4 == 0 ? 2 : i % 2;
        }

        ColumnReport column = new DatasetComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("rooms", new ColumnData.Numeric(SortedSample.of(reference), 0)),
                Map.of("rooms", new ColumnData.Numeric(SortedSample.of(current), 0))).columns().get("rooms");

        assertThat(column.comparedAsCategories()).isTrue();
        assertThat(column.informational().keySet()).containsExactly("psi");
        CategoryCounts referenceCounts = CategoryCounts.ofNumbers(SortedSample.of(reference));
        CategoryCounts currentCounts = CategoryCounts.ofNumbers(SortedSample.of(current));
        TestOutcome psiOnCategories = TestCatalog.categorical("psi", TestOptions.DEFAULT).orElseThrow()
                .compare(referenceCounts, currentCounts);
        assertThat(column.informational().get("psi").outcome()).isEqualTo(psiOnCategories);
    }

    @Test
    void aTestThatAlreadyDecidesIsNotRepeatedAsInformational() {
        ComparisonSettings psiDecides = new ComparisonSettings(TestOptions.DEFAULT, List.of("psi"), Map.of(), Map.of(), Map.of(),
                DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);

        ColumnReport numbers = compare(psiDecides, GoldenCases.load("normal_shift")).columns().get("x");
        ColumnReport labels = compare(psiDecides, GoldenCases.load("cat_same")).columns().get("x");

        assertThat(numbers.tests().keySet()).containsExactly("psi");
        assertThat(numbers.informational().keySet()).containsExactly("ks");
        assertThat(labels.tests().keySet()).containsExactly("psi");
        assertThat(labels.informational()).isEmpty();
    }

    @Test
    void informationalTestsThatWouldSayDriftChangeNoVerdictNoScoreAndNotTheDataset() {
        GoldenCase golden = GoldenCases.load("normal_scale_large");
        ComparisonSettings lenientWasserstein = new ComparisonSettings(TestOptions.DEFAULT, List.of(), Map.of(),
                Map.of("wasserstein", 0.5), Map.of(), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);

        DriftComparison informed = compare(lenientWasserstein, golden);
        DriftComparison uninformed = compare(lenientWasserstein.withInformingTests(InformingTests.NONE), golden);

        ColumnReport column = informed.columns().get("x");
        assertThat(column.informational().get("ks").verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(column.verdict()).isEqualTo(Verdict.NO_DRIFT);
        assertThat(column.severityScore()).isEqualTo(uninformed.columns().get("x").severityScore());
        assertThat(column.tests()).isEqualTo(uninformed.columns().get("x").tests());
        assertThat(informed.dataset()).isEqualTo(uninformed.dataset());
        assertThat(informed.dataset().driftDetected()).isFalse();
    }

    @Test
    void noInformingTestsGiveNoInformationalResults() {
        DriftComparison report = compare(ComparisonSettings.DEFAULT.withInformingTests(InformingTests.NONE),
                GoldenCases.load("normal_scale_large"));

        assertThat(report.columns().get("x").informational()).isEmpty();
        assertThat(report.columns().get("x").tests().keySet()).containsExactly("wasserstein");
    }

    @Test
    void aWindowTooSmallToTestGetsNoInformationalTestsEither() {
        GoldenCase golden = GoldenCases.load("normal_shift");
        NumericProfile reference = NumericProfile.of(NumericProfileConfig.defaults(), golden.referenceValues());
        NumericProfile smallWindow = NumericProfile.of(NumericProfileConfig.defaults(),
                Arrays.copyOf(golden.currentValues(), 50));

        ColumnReport column = new ProfileComparator(ComparisonSettings.DEFAULT)
                .compare(Map.of("x", reference), Map.of("x", smallWindow)).columns().get("x");

        assertThat(column.tests()).isEmpty();
        assertThat(column.notApplicable().get("default")).contains("fewer than the 100 a test needs");
        assertThat(column.informational()).isEmpty();
    }

    @Test
    void anInformingTestWithoutAFormForItsKindOfColumnIsRefusedByName() {
        assertThatThrownBy(() -> new InformingTests(List.of("chi_square"), List.of()))
                .hasMessage("test 'chi_square' compares categories; it cannot inform on numbers");
        assertThatThrownBy(() -> new InformingTests(List.of(), List.of("ks")))
                .hasMessage("test 'ks' needs numbers; it cannot inform on categories");
        assertThatThrownBy(() -> new InformingTests(List.of("kss"), List.of())).hasMessageStartingWith("unknown test 'kss'");
    }
}
