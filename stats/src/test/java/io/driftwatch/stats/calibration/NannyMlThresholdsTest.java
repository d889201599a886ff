package io.driftwatch.stats.calibration;

import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Threshold;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Thresholds from NumPy 2.4: {@code np.nanmean(a) + 3 * np.nanstd(a)} of the reference chunks' statistics. */
class NannyMlThresholdsTest {
    private static final double[] REFERENCE_JS = {0.031, 0.047, 0.052, 0.029, 0.061, 0.044, 0.038, 0.055, 0.049, 0.036};
    private static final double NUMPY_JS_UPPER = 0.07422399040767233;

    private static DriftComparison chunk(Map<String, TestOutcome> outcomes) {
        Map<String, TestVerdict> tests = new LinkedHashMap<>();
        outcomes.forEach((test, outcome) -> tests.put(test,
                new TestVerdict(test, outcome, DriftDefaults.threshold(test), Verdict.NO_DRIFT)));
        ColumnReport column = new ColumnReport("x", ColumnType.NUMERIC, false, 100, 10, 0, 0, tests, Map.of(),
                List.of(), Map.of());
        return new DriftComparison(Map.of("x", column), List.of(), DatasetVerdict.of(1, 0, 0, 0.5));
    }

    private static List<DriftComparison> referenceChunks(String test, double[] statistics) {
        return Arrays.stream(statistics).mapToObj(value -> chunk(Map.of(test, TestOutcome.exactStatistic(value)))).toList();
    }

    @Test
    void jensenShannonThresholdIsTheMeanPlusThreeStandardDeviationsOfTheReferenceChunks() {
        NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(referenceChunks("jensen_shannon", REFERENCE_JS));
        assertThat(thresholds.upper("x", "jensen_shannon").orElseThrow()).isCloseTo(NUMPY_JS_UPPER, within(1e-15));
    }

    @Test
    void aChunkAlertsOnlyWhenItsStatisticIsAboveTheThreshold() {
        NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(referenceChunks("jensen_shannon", REFERENCE_JS));
        DriftComparison above = thresholds.judge(chunk(Map.of("jensen_shannon", TestOutcome.exactStatistic(0.0743))));
        DriftComparison below = thresholds.judge(chunk(Map.of("jensen_shannon", TestOutcome.exactStatistic(0.0742))));
        TestVerdict alert = above.columns().get("x").tests().get("jensen_shannon");
        assertThat(alert.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(alert.threshold()).isEqualTo(new Threshold(Threshold.Rule.STATISTIC_ABOVE, NUMPY_JS_UPPER));
        assertThat(above.dataset().driftedColumns()).isEqualTo(1);
        assertThat(below.columns().get("x").tests().get("jensen_shannon").verdict()).isEqualTo(Verdict.NO_DRIFT);
        assertThat(below.dataset().driftedColumns()).isZero();
    }

    @Test
    void ksIsJudgedOnItsStatisticAndItsThresholdIsClippedAtOne() {
        NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(referenceChunks("ks", new double[]{0.2, 0.9, 0.5, 0.95}));
        assertThat(thresholds.upper("x", "ks")).contains(1.0);
        DriftComparison judged = thresholds.judge(chunk(Map.of("ks", TestOutcome.withPValue(0.99, 1e-12, Method.EXACT))));
        assertThat(judged.columns().get("x").tests().get("ks").verdict()).isEqualTo(Verdict.NO_DRIFT);
    }

    @Test
    void chiSquareAlertsBelowAPValueOfFivePercentWithNoThresholdFromTheChunks() {
        NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(List.of());
        DriftComparison alert = thresholds.judge(chunk(Map.of("chi_square", TestOutcome.withPValue(9.0, 0.049, Method.ASYMPTOTIC))));
        DriftComparison quiet = thresholds.judge(chunk(Map.of("chi_square", TestOutcome.withPValue(3.0, 0.05, Method.ASYMPTOTIC))));
        assertThat(alert.columns().get("x").tests().get("chi_square").verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(quiet.columns().get("x").tests().get("chi_square").verdict()).isEqualTo(Verdict.NO_DRIFT);
        assertThat(thresholds.upper("x", "chi_square")).isEmpty();
    }

    @Test
    void aBandedTestNoReferenceChunkRanIsNotJudgedAndSaysWhy() {
        NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(referenceChunks("ks", new double[]{0.1, 0.2}));
        ColumnReport column = thresholds.judge(chunk(Map.of("wasserstein", TestOutcome.exactStatistic(0.5)))).columns().get("x");
        assertThat(column.tests()).isEmpty();
        assertThat(column.notApplicable().get("wasserstein")).contains("no chunk of the reference");
    }

    @Test
    void aTestNannymlHasNoRuleForKeepsItsVerdict() {
        NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(List.of());
        DriftComparison psi = chunk(Map.of("psi", TestOutcome.exactStatistic(0.5)));
        assertThat(thresholds.judge(psi).columns().get("x").tests()).isEqualTo(psi.columns().get("x").tests());
    }
}
