package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.KllSeed;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sketch path on the golden cases: profiles that keep no raw value (exactValueCap 0; categories past
 * their exact limit, in a frequent-items map of 8 slots, which holds the golden cases' few categories
 * without error), KLL k from the default down to 8 so that large cases compact and small ones may not.
 * Whatever the sketches, the exact statistic (SciPy's, from the golden file) must lie in the reported
 * interval, and a decided verdict must be the exact one: between DRIFT and NO_DRIFT only INCONCLUSIVE is
 * allowed.
 */
class ProfileComparatorSketchPathTest {
    private static final int[] KLL_KS = {NumericProfileConfig.DEFAULT_KLL_K, 64, 8};
    private static final CategoricalProfileConfig SKETCHED_CATEGORIES = new CategoricalProfileConfig(1, 3, 8);
    /** Test name and the golden key holding the same definition. */
    private static final List<List<String>> NUMERIC_TESTS = List.of(
            List.of("ks", "ks"), List.of("psi", "psi_quantile10"), List.of("wasserstein", "wasserstein_norm"));
    private static final List<List<String>> CATEGORICAL_TESTS = List.of(
            List.of("psi", "psi"), List.of("jensen_shannon", "jensen_shannon"), List.of("chi_square", "chi_square"));

    static Stream<Arguments> goldenCasesTestsAndKs() {
        List<Arguments> arguments = new ArrayList<>();
        for (GoldenCase golden : GoldenCases.all()) {
            for (List<String> test : golden.isNumeric() ? NUMERIC_TESTS : CATEGORICAL_TESTS) {
                for (int k : golden.isNumeric() ? KLL_KS : new int[] {NumericProfileConfig.DEFAULT_KLL_K}) {
                    arguments.add(Arguments.of(golden.name(), test.get(0), test.get(1), k));
                }
            }
        }
        return arguments.stream();
    }

    static Stream<Arguments> goldenCasesAndKs() {
        return GoldenCases.all().stream().flatMap(golden -> Stream.of(KLL_KS).flatMapToInt(java.util.Arrays::stream)
                .mapToObj(k -> Arguments.of(golden.name(), k)));
    }

    @ParameterizedTest(name = "{0} {1} k={3}")
    @MethodSource("goldenCasesTestsAndKs")
    void exactStatisticLiesInTheBoundAndADecidedVerdictIsTheExactOne(String name, String test, String goldenKey, int k) {
        GoldenCase golden = GoldenCases.load(name);
        ComparisonSettings settings = new ComparisonSettings(TestOptions.DEFAULT, List.of(test), Map.of(), Map.of(),
                Map.of(), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP, 0, Map.of());

        TestVerdict verdict = sketchReport(golden, k, settings).columns().get("x").tests().get(test);

        ErrorBound bound = verdict.outcome().bound();
        double exactStatistic = golden.expected(goldenKey, "statistic");
        Double exactPValue = golden.expected().path(goldenKey).has("pvalue") ? golden.expected(goldenKey, "pvalue") : null;
        assertThat(verdict.outcome().method()).isEqualTo(Method.SKETCH);
        assertThat(exactStatistic).isBetween(bound.statisticLow() - GoldenCases.STATISTIC_TOLERANCE,
                bound.statisticHigh() + GoldenCases.STATISTIC_TOLERANCE);
        if (exactPValue != null) {
            assertThat(exactPValue).isBetween(bound.pValueLow() * (1 - GoldenCases.PVALUE_RELATIVE_TOLERANCE),
                    bound.pValueHigh() * (1 + GoldenCases.PVALUE_RELATIVE_TOLERANCE));
        }
        Verdict exactVerdict = verdict.threshold().decide(new TestOutcome(exactStatistic, exactPValue, Method.EXACT, null));
        assertThat(verdict.verdict()).isIn(exactVerdict, Verdict.INCONCLUSIVE);
    }

    @ParameterizedTest(name = "{0} k={1}")
    @MethodSource("goldenCasesAndKs")
    void theDefaultSelectionFromSketchesPicksCheckTestAndNeverContradictsItsVerdict(String name, int k) {
        GoldenCase golden = GoldenCases.load(name);
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withMinCurrentRecords(0);
        ColumnReport exact = new DatasetComparator(settings).compare(
                Map.of("x", GoldenColumns.reference(golden, NumericProfileConfig.defaults(), SKETCHED_CATEGORIES, 0, 0, 0).column()),
                Map.of("x", GoldenColumns.current(golden, NumericProfileConfig.defaults(), SKETCHED_CATEGORIES, 0, 0, 0).column()))
                .columns().get("x");

        ColumnReport sketched = sketchReport(golden, k, settings).columns().get("x");

        assertThat(sketched.tests().keySet()).isEqualTo(exact.tests().keySet());
        for (TestVerdict verdict : sketched.tests().values()) {
            TestOutcome exactOutcome = exact.tests().get(verdict.test()).outcome();
            assertThat(exactOutcome.statistic()).isBetween(verdict.outcome().bound().statisticLow() - GoldenCases.STATISTIC_TOLERANCE,
                    verdict.outcome().bound().statisticHigh() + GoldenCases.STATISTIC_TOLERANCE);
            assertThat(verdict.verdict()).isIn(exact.tests().get(verdict.test()).verdict(), Verdict.INCONCLUSIVE);
        }
    }

    @ParameterizedTest(name = "{0} k={1}")
    @MethodSource("goldenCasesAndKs")
    void informationalTestsFromSketchesHoldTheExactValueInTheirBoundAndNeverContradictIt(String name, int k) {
        GoldenCase golden = GoldenCases.load(name);
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withMinCurrentRecords(0);
        ColumnReport exact = new DatasetComparator(settings).compare(
                Map.of("x", GoldenColumns.reference(golden, NumericProfileConfig.defaults(), SKETCHED_CATEGORIES, 0, 0, 0).column()),
                Map.of("x", GoldenColumns.current(golden, NumericProfileConfig.defaults(), SKETCHED_CATEGORIES, 0, 0, 0).column()))
                .columns().get("x");

        ColumnReport sketched = sketchReport(golden, k, settings).columns().get("x");

        assertThat(sketched.informational().keySet()).isNotEmpty();
        for (TestVerdict verdict : sketched.informational().values()) {
            assertThat(verdict.outcome().method()).isEqualTo(Method.SKETCH);
            TestVerdict exactVerdict = sketched.comparedAsCategories() == exact.comparedAsCategories()
                    ? exact.informational().get(verdict.test()) : null;
            if (exactVerdict == null) {
                continue;
            }
            ErrorBound bound = verdict.outcome().bound();
            assertThat(exactVerdict.outcome().statistic()).as(verdict.test()).isBetween(
                    bound.statisticLow() - GoldenCases.STATISTIC_TOLERANCE, bound.statisticHigh() + GoldenCases.STATISTIC_TOLERANCE);
            assertThat(verdict.verdict()).as(verdict.test()).isIn(exactVerdict.verdict(), Verdict.INCONCLUSIVE);
        }
        assertThat(sketched.verdict()).isIn(exact.verdict(), Verdict.INCONCLUSIVE);
    }

    private static DriftComparison sketchReport(GoldenCase golden, int k, ComparisonSettings settings) {
        KllSeed.reset(k * 31L + golden.name().hashCode());
        NumericProfileConfig numbers = new NumericProfileConfig(k, 0);
        ColumnProfile reference = GoldenColumns.reference(golden, numbers, SKETCHED_CATEGORIES, 0, 0, 0).profile();
        ColumnProfile current = GoldenColumns.current(golden, numbers, SKETCHED_CATEGORIES, 0, 0, 0).profile();
        return new ProfileComparator(settings).compare(Map.of("x", reference), Map.of("x", current));
    }
}
