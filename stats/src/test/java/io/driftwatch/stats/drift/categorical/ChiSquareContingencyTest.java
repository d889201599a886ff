package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected values from SciPy 1.17.1: {@code scipy.stats.chi2_contingency(table)} with its defaults. */
class ChiSquareContingencyTest {
    private final ChiSquareContingency test = new ChiSquareContingency();

    @Test
    void aTwoByTwoTableIsYatesCorrectedAsScipyDoes() {
        // chi2_contingency([[30, 70], [45, 55]]) -> 4.181333333333333, 0.04087153408900628 (uncorrected: 4.8)
        TestOutcome outcome = test.compare(counts("a", 30, "b", 70), counts("a", 45, "b", 55));

        assertThat(outcome.statistic()).isCloseTo(4.181333333333333, within(1e-12));
        assertThat(outcome.pValue()).isCloseTo(0.04087153408900628, within(1e-14));
        assertThat(outcome.method()).isEqualTo(Method.ASYMPTOTIC);
    }

    @Test
    void yatesNeverMovesACountPastItsExpectedValue() {
        // chi2_contingency([[5, 5], [5, 6]]) -> 0.0, 1.0: every deviation is under 0.5, so the correction zeroes it
        TestOutcome outcome = test.compare(counts("a", 5, "b", 5), counts("a", 5, "b", 6));

        assertThat(outcome.statistic()).isZero();
        assertThat(outcome.pValue()).isEqualTo(1.0);
    }

    @Test
    void aCategoryOnlyInCurrentIsAColumnWithReferenceCountZero() {
        // chi2_contingency([[40, 60, 0], [30, 50, 20]]) -> 22.337662337662337, 1.4107116538983095e-05, dof 2
        TestOutcome outcome = test.compare(counts("a", 40, "b", 60),
                CategoryCounts.of(Map.of("a", 30L, "b", 50L, "c", 20L)));

        assertThat(outcome.statistic()).isCloseTo(22.337662337662337, within(1e-11));
        assertThat(outcome.pValue()).isCloseTo(1.4107116538983095e-05, within(1e-18));
    }

    @Test
    void aSingleCategoryOnBothSidesHasNoDegreeOfFreedomAndNoDrift() {
        // chi2_contingency([[50], [30]]) -> 0.0, 1.0, dof 0
        TestOutcome outcome = test.compare(CategoryCounts.of(Map.of("a", 50L)), CategoryCounts.of(Map.of("a", 30L)));

        assertThat(outcome.statistic()).isZero();
        assertThat(outcome.pValue()).isEqualTo(1.0);
    }

    private static CategoryCounts counts(String first, long firstCount, String second, long secondCount) {
        return CategoryCounts.of(Map.of(first, firstCount, second, secondCount));
    }
}
