package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.window.WindowKey;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DriftReportRecordsTest {
    private static final NumericProfileConfig SKETCH_ONLY = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);

    @Test
    void informationalTestsTravelThroughTheTopicBesideTheDecidingOnesWithTheirBoundsAndNeverAmongThem() {
        Map<String, ColumnProfile> reference = new LinkedHashMap<>();
        Map<String, ColumnProfile> window = new LinkedHashMap<>();
        reference.put("income", normal(50_000, 0.0, 1L));
        window.put("income", normal(5_000, 0.3, 2L));
        reference.put("city", cities(3_000, 0.5));
        window.put("city", cities(1_000, 0.2));
        DriftComparison comparison = new ProfileComparator(ComparisonSettings.DEFAULT).compare(reference, window);
        Serde<DriftReport> serde = Topics.DRIFT_REPORTS.valueSerde();

        DriftReport written = DriftReportRecords.of(new WindowKey("fraud", "v3", 60_000L), 120_000L, comparison,
                ComparisonBasis.BASELINE, "b1", 5_000, null);
        DriftReport read = serde.deserializer().deserialize("reports", serde.serializer().serialize("reports", written));

        ColumnDrift income = read.getColumns().get(0);
        assertThat(income.getFeature()).isEqualTo("income");
        assertThat(income.getTests()).extracting(TestResult::getTest).containsExactly("wasserstein");
        assertThat(income.getInformational()).extracting(TestResult::getTest).containsExactly("ks", "psi");
        assertSameResults(income.getInformational(), comparison.columns().get("income"));
        assertThat(income.getInformational()).allSatisfy(result -> {
            assertThat(result.getMethod().name()).isEqualTo("SKETCH");
            assertThat(result.getBound()).isNotNull();
        });
        ColumnDrift city = read.getColumns().get(1);
        assertThat(city.getTests()).extracting(TestResult::getTest).containsExactly("jensen_shannon");
        assertThat(city.getInformational()).extracting(TestResult::getTest).containsExactly("psi");
        assertSameResults(city.getInformational(), comparison.columns().get("city"));
        assertThat(read.getDriftedColumns()).isEqualTo(comparison.dataset().driftedColumns());
    }

    private static void assertSameResults(List<TestResult> results, ColumnReport column) {
        for (TestResult result : results) {
            TestVerdict verdict = column.informational().get(result.getTest());
            assertThat(result.getStatistic()).isEqualTo(verdict.outcome().statistic());
            assertThat(result.getPValue()).isEqualTo(verdict.outcome().pValue());
            assertThat(result.getThreshold()).isEqualTo(verdict.threshold().value());
            assertThat(result.getCondition()).isEqualTo(verdict.threshold().describe());
            assertThat(result.getVerdict().name()).isEqualTo(verdict.verdict().name());
            ErrorBound bound = verdict.outcome().bound();
            if (bound == null) {
                assertThat(result.getBound()).isNull();
            } else {
                assertThat(result.getBound().getStatisticLow()).isEqualTo(bound.statisticLow());
                assertThat(result.getBound().getStatisticHigh()).isEqualTo(bound.statisticHigh());
                assertThat(result.getBound().getPValueLow()).isEqualTo(bound.pValueLow());
                assertThat(result.getBound().getPValueHigh()).isEqualTo(bound.pValueHigh());
            }
        }
    }

    private static NumericProfile normal(int size, double mean, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return NumericProfile.of(SKETCH_ONLY, values);
    }

    private static CategoricalProfile cities(int size, double osloShare) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(i < size * osloShare ? "oslo" : i % 2 == 0 ? "rome" : "lima");
        }
        return CategoricalProfile.of(CategoricalProfileConfig.defaults(), values);
    }
}
