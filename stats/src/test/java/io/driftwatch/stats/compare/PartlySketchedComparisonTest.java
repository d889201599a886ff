package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One comparison of data sets of which one side holds some numeric columns as sketches only. */
class PartlySketchedComparisonTest {
    private static final int VALUES = 50_000;

    private static double[] gaussian(long seed, double shift) {
        Random random = new Random(seed);
        double[] values = new double[VALUES];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() + shift;
        }
        return values;
    }

    private static ColumnData exact(double[] values) {
        return new ColumnData.Numeric(SortedSample.of(values), 0);
    }

    private static Map<String, ColumnData> columns(double[] age, double[] income, Map<String, Long> cities) {
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        columns.put("age", exact(age));
        columns.put("income", exact(income));
        columns.put("city", new ColumnData.Categorical(CategoryCounts.of(cities), 0));
        return columns;
    }

    @Test
    void columnsBothSidesKeptAreComparedExactlyAndTheSketchedOneBySketchesInOneDatasetVerdict() {
        double[] currentIncome = gaussian(4, 0.5);
        Map<String, ColumnData> reference = columns(gaussian(1, 0), gaussian(2, 0), Map.of("oslo", 500L, "rome", 500L));
        Map<String, ColumnData> current = columns(gaussian(3, 0), currentIncome, Map.of("oslo", 450L, "rome", 550L));
        DatasetComparator comparator = new DatasetComparator(ComparisonSettings.DEFAULT);
        DriftComparison allExact = comparator.compare(reference, current);

        Map<String, ColumnData> currentKept = new LinkedHashMap<>(current);
        currentKept.remove("income");
        DriftComparison partly = comparator.compare(
                new HeldColumns(reference, Map.of(), List.of("age", "income", "city")),
                new HeldColumns(currentKept, Map.of("income", NumericProfile.of(NumericProfileConfig.defaults(), currentIncome)),
                        List.of("age", "income", "city")));

        assertThat(partly.columns().keySet()).containsExactly("age", "income", "city");
        assertThat(partly.columns().get("age")).isEqualTo(allExact.columns().get("age"));
        assertThat(partly.columns().get("city")).isEqualTo(allExact.columns().get("city"));
        ColumnReport income = partly.columns().get("income");
        assertThat(income.tests().values()).allSatisfy(test -> assertThat(test.outcome().method()).isEqualTo(Method.SKETCH));
        assertThat(income.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(partly.dataset().columns()).isEqualTo(3);
        assertThat(partly.dataset().driftedColumns()).isEqualTo(allExact.dataset().driftedColumns());
    }

    @Test
    void aColumnHeldBothWaysIsRefused() {
        Map<String, ColumnData> kept = Map.of("age", exact(gaussian(1, 0)));
        Map<String, NumericProfile> sketched = Map.of("age", NumericProfile.of(NumericProfileConfig.defaults(), 1.0));

        assertThatThrownBy(() -> new HeldColumns(kept, sketched, List.of("age")))
                .hasMessageContaining("'age' must be held exactly or sketched, not both");
    }
}
