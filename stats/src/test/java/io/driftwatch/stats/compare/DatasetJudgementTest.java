package io.driftwatch.stats.compare;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.driftwatch.stats.compare.DatasetJudgement.Outcome.DRIFT;
import static io.driftwatch.stats.compare.DatasetJudgement.Outcome.NOT_JUDGED;
import static io.driftwatch.stats.compare.DatasetJudgement.Outcome.NO_DRIFT;
import static org.assertj.core.api.Assertions.assertThat;

class DatasetJudgementTest {
    private final DatasetComparator comparator = new DatasetComparator(ComparisonSettings.DEFAULT);

    private static ColumnData numbers(double... values) {
        return new ColumnData.Numeric(SortedSample.of(values), 0);
    }

    private static double[] range(int from, int to) {
        return IntStream.range(from, to).asDoubleStream().toArray();
    }

    @Test
    void aDriftedDataSetWithoutSchemaErrorsIsJudgedDrifted() {
        DriftComparison report = comparator.compare(Map.of("x", numbers(range(0, 100))), Map.of("x", numbers(range(500, 600))));
        assertThat(DatasetJudgement.of(report, 100, DriftDefaults.MIN_CHECK_ROWS))
                .isEqualTo(new DatasetJudgement(DRIFT, List.of()));
    }

    @Test
    void aMissingColumnWithholdsTheVerdictWhateverTheOtherColumnsSay() {
        Map<String, ColumnData> reference = new LinkedHashMap<>();
        reference.put("x", numbers(range(0, 100)));
        reference.put("income", numbers(range(0, 100)));
        DriftComparison report = comparator.compare(reference, Map.of("x", numbers(range(0, 100))));
        DatasetJudgement judgement = DatasetJudgement.of(report, 100, DriftDefaults.MIN_CHECK_ROWS);
        assertThat(report.dataset().driftDetected()).isFalse();
        assertThat(judgement.outcome()).isEqualTo(NOT_JUDGED);
        assertThat(judgement.reasons()).containsExactly(
                "income: missing_column (in the reference but not in the current data)");
    }

    @Test
    void noColumnComparedIsNeverAPass() {
        DriftComparison report = comparator.compare(Map.of("a", numbers(1, 2, 3)), Map.of("a;b", numbers(range(0, 50))));
        DatasetJudgement judgement = DatasetJudgement.of(report, 50, DriftDefaults.MIN_CHECK_ROWS);
        assertThat(judgement.outcome()).isEqualTo(NOT_JUDGED);
        assertThat(judgement.reasons()).contains("no column could be compared: no test ran on any column both data sets share");
    }

    @Test
    void tooFewCurrentRowsWithholdTheVerdictButKeepTheStatistics() {
        DriftComparison report = comparator.compare(Map.of("x", numbers(range(0, 100))), Map.of("x", numbers(1000)));
        DatasetJudgement judgement = DatasetJudgement.of(report, 1, DriftDefaults.MIN_CHECK_ROWS);
        assertThat(report.columns().get("x").tests()).containsKey("ks");
        assertThat(judgement.outcome()).isEqualTo(NOT_JUDGED);
        assertThat(judgement.reasons()).containsExactly("the current data has 1 row, fewer than the 20 a verdict needs");
    }

    @Test
    void everyGoldenCaseIsLargeEnoughToBeJudgedByDefault() {
        for (GoldenCase golden : GoldenCases.all()) {
            DriftComparison report = comparator.compare(Map.of("x", golden.isNumeric()
                    ? new ColumnData.Numeric(golden.referenceSample(), 0) : new ColumnData.Categorical(golden.referenceCounts(), 0)),
                    Map.of("x", golden.isNumeric()
                    ? new ColumnData.Numeric(golden.currentSample(), 0) : new ColumnData.Categorical(golden.currentCounts(), 0)));
            long rows = golden.currentLines().size();
            assertThat(DatasetJudgement.of(report, rows, DriftDefaults.MIN_CHECK_ROWS).outcome()).as(golden.name())
                    .isIn(DRIFT, NO_DRIFT);
        }
    }
}
