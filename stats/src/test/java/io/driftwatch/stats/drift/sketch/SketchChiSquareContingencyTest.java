package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.categorical.ChiSquareContingency;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchChiSquareContingencyTest {
    private final SketchChiSquareContingency chiSquare = new SketchChiSquareContingency();

    @Test
    void exactProfilesGiveScipysNumbersWithAZeroWidthInterval() {
        // scipy.stats.chi2_contingency([[40, 60, 0], [30, 50, 20]]) -> 22.337662337662337, 1.4107116538983095e-05
        List<String> reference = values("a", 40, "b", 60, "c", 0);
        List<String> current = values("a", 30, "b", 50, "c", 20);

        TestOutcome outcome = chiSquare.compare(CategoricalProfile.of(CategoricalProfileConfig.defaults(), reference),
                CategoricalProfile.of(CategoricalProfileConfig.defaults(), current));

        assertThat(outcome.statistic()).isCloseTo(22.337662337662337, within(1e-11));
        assertThat(outcome.pValue()).isCloseTo(1.4107116538983095e-05, within(1e-18));
        assertThat(outcome.bound().statisticHalfWidth()).isZero();
    }

    @ParameterizedTest(name = "lgMapSize={0}, exact reference={1}")
    @CsvSource({"3, false", "4, false", "5, false", "3, true", "5, true"})
    void exactStatisticAndPValueLieInTheIntervalsWhenManyCategoriesAreUntracked(int lgMapSize, boolean exactReference) {
        List<String> reference = CategoryStreams.zipf(5, 8000, 60, 0);
        List<String> current = CategoryStreams.zipf(6, 4000, 70, 3);
        CategoricalProfileConfig sketched = new CategoricalProfileConfig(10, lgMapSize, 10);
        CategoricalProfileConfig referenceConfig = exactReference ? new CategoricalProfileConfig(100, lgMapSize, 10) : sketched;
        TestOutcome exact = new ChiSquareContingency().compare(CategoryCounts.ofValues(reference),
                CategoryCounts.ofValues(current));

        TestOutcome sketch = chiSquare.compare(CategoricalProfile.of(referenceConfig, reference),
                CategoricalProfile.of(sketched, current));
        ErrorBound bound = sketch.bound();

        assertThat(exact.statistic()).isBetween(bound.statisticLow(), bound.statisticHigh());
        assertThat(exact.pValue()).isBetween(bound.pValueLow(), bound.pValueHigh());
        assertThat(sketch.statistic()).isBetween(bound.statisticLow(), bound.statisticHigh());
    }

    @Test
    void theIntervalIsNarrowWhenTheSketchTracksEveryCategory() {
        List<String> reference = CategoryStreams.zipf(5, 8000, 12, 0);
        List<String> current = CategoryStreams.zipf(6, 4000, 12, 3);
        CategoricalProfileConfig sketched = new CategoricalProfileConfig(10, 6, 10);
        double exact = new ChiSquareContingency().compare(CategoryCounts.ofValues(reference),
                CategoryCounts.ofValues(current)).statistic();

        TestOutcome sketch = chiSquare.compare(CategoricalProfile.of(sketched, reference),
                CategoricalProfile.of(sketched, current));

        assertThat(sketch.bound().statisticLow()).isEqualTo(exact, within(1e-9 * exact));
        assertThat(sketch.bound().statisticHigh()).isEqualTo(exact, within(1e-9 * exact));
    }

    private static List<String> values(String first, int firstCount, String second, int secondCount, String third,
                                       int thirdCount) {
        List<String> values = new ArrayList<>(Collections.nCopies(firstCount, first));
        values.addAll(Collections.nCopies(secondCount, second));
        values.addAll(Collections.nCopies(thirdCount, third));
        return values;
    }
}
