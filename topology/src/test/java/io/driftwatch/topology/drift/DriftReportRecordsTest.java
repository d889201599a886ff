package io.driftwatch.topology.drift;

import io.driftwatch.schemas.history.EarlierSchemas;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.trigger.TriggerDecider;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.driftwatch.topology.trigger.TriggerState;
import io.driftwatch.topology.window.WindowKey;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftReportRecordsTest {
    private static final WindowKey WINDOW = new WindowKey("fraud", "v3", 1_800_000_000_000L, 1_800_000_060_000L);
    private static final NumericProfileConfig SKETCH_ONLY = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);

    private static DriftReport roundTrip(DriftReport report) {
        byte[] bytes = Topics.DRIFT_REPORTS.valueSerde().serializer().serialize("t", report);
        return Topics.DRIFT_REPORTS.valueSerde().deserializer().deserialize("t", bytes);
    }

    @Test
    void everyExpectationKindSurvivesTheDriftReportTopic() {
        List<SchemaFinding.Kind> expectationKinds = List.of(SchemaFinding.Kind.EXPECTED_TYPE,
                SchemaFinding.Kind.REQUIRED_COLUMN, SchemaFinding.Kind.BELOW_MIN, SchemaFinding.Kind.ABOVE_MAX,
                SchemaFinding.Kind.UNEXPECTED_VALUE, SchemaFinding.Kind.MISSING_SHARE);
        List<SchemaFinding> findings = expectationKinds.stream().map(kind -> new SchemaFinding("income", kind,
                SchemaFinding.Severity.WARNING, "expect." + kind.label())).toList();
        DriftComparison comparison = new DriftComparison(Map.of(), findings, DatasetVerdict.of(0, 0, 0, 0.5));

        DriftReport read = roundTrip(DriftReportRecords.of(WINDOW, comparison,
                ComparisonBasis.BASELINE, "b1", 100, null, "p1"));

        assertThat(read.getSchemaFindings()).extracting(finding -> finding.getKind().name())
                .containsExactly("EXPECTED_TYPE", "REQUIRED_COLUMN", "BELOW_MIN", "ABOVE_MAX", "UNEXPECTED_VALUE",
                        "MISSING_SHARE");
        assertThat(read.getSchemaFindings()).extracting(SkewFinding::getDetail)
                .containsExactly("expect.expected_type", "expect.required_column", "expect.below_min",
                        "expect.above_max", "expect.unexpected_value", "expect.missing_share");
    }

    @Test
    void aReportWrittenWithTheFirstSchemaIsStillRead() throws Exception {
        Schema first = EarlierSchemas.of(DriftReport.getClassSchema()).get(0);
        Schema findingSchema = first.getField("schemaFindings").schema().getElementType();
        assertThat(findingSchema.getField("kind").schema().getEnumSymbols()).doesNotContain("BELOW_MIN");
        GenericRecord finding = new GenericData.Record(findingSchema);
        finding.put("feature", "income");
        finding.put("kind", new GenericData.EnumSymbol(findingSchema.getField("kind").schema(), "MISSING_COLUMN"));
        finding.put("severity", new GenericData.EnumSymbol(findingSchema.getField("severity").schema(), "ERROR"));
        finding.put("detail", "in the reference but not in the current data");
        GenericRecord old = new GenericData.Record(first);
        old.put("reportId", "r1");
        old.put("modelName", "fraud");
        old.put("modelVersion", "v3");
        old.put("windowStart", 1_000L);
        old.put("windowEnd", 2_000L);
        old.put("comparison", new GenericData.EnumSymbol(first.getField("comparison").schema(), "BASELINE"));
        old.put("baselineId", "b1");
        old.put("records", 500L);
        old.put("verdictWithheld", null);
        old.put("columns", List.of());
        old.put("schemaFindings", List.of(finding));
        old.put("datasetColumns", 0);
        old.put("driftedColumns", 0);
        old.put("inconclusiveColumns", 0);
        old.put("driftShare", 0.0);
        old.put("driftShareThreshold", 0.5);
        old.put("datasetDrift", false);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        DriftReport read = Topics.DRIFT_REPORTS.valueSerde().deserializer().deserialize("t", bytes);

        assertThat(read.getReportId()).isEqualTo("r1");
        assertThat(read.getSchemaFindings().get(0).getKind()).isEqualTo(SkewKind.MISSING_COLUMN);
    }

    @Test
    void anExpectationBrokenAtErrorInAWindowFiresTheSchemaErrorTrigger() {
        double[] values = IntStream.range(0, 500).asDoubleStream().toArray();
        Map<String, ColumnProfile> baseline = Map.of("income", NumericProfile.of(NumericProfileConfig.defaults(), values));
        Map<String, ColumnProfile> window = Map.of("income", NumericProfile.of(NumericProfileConfig.defaults(), values));
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withExpectations(List.of(
                ColumnExpectation.of("income").withMax(400).withSeverity(SchemaFinding.Severity.ERROR)));
        DriftComparison comparison = new ProfileComparator(settings).compare(baseline, window);
        DriftReport report = roundTrip(DriftReportRecords.of(WINDOW, comparison,
                ComparisonBasis.BASELINE, "b1", 500, null, "p1"));

        RetrainingTrigger trigger = TriggerDecider.decide(TriggerPolicy.DEFAULT, report, TriggerState.INITIAL)
                .trigger().orElseThrow();

        assertThat(trigger.getRule()).isEqualTo(TriggerPolicy.SCHEMA_ERROR_RULE);
        assertThat(trigger.getEvidence().get(0).getDetail())
                .isEqualTo("expect.max = 400: 99 of 500 values (19.8%) above, largest 499");
        assertThat(trigger.getSummary()).endsWith("(income above_max)");
    }

    @Test
    void anExpectationBrokenAtWarningFiresNoTrigger() {
        double[] values = IntStream.range(0, 500).asDoubleStream().toArray();
        Map<String, ColumnProfile> profiles = Map.of("income", NumericProfile.of(NumericProfileConfig.defaults(), values));
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withExpectations(List.of(
                ColumnExpectation.of("income").withMax(400)));
        DriftReport report = roundTrip(DriftReportRecords.of(WINDOW,
                new ProfileComparator(settings).compare(profiles, profiles), ComparisonBasis.BASELINE, "b1", 500, null, "p1"));

        assertThat(report.getSchemaFindings()).extracting(finding -> finding.getKind().name()).containsExactly("ABOVE_MAX");
        assertThat(TriggerDecider.decide(TriggerPolicy.DEFAULT, report, TriggerState.INITIAL).trigger()).isEmpty();
    }

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

        DriftReport written = DriftReportRecords.of(new WindowKey("fraud", "v3", 60_000L, 120_000L), comparison,
                ComparisonBasis.BASELINE, "b1", 5_000, null, "p1");
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

    @Test
    void aReportReadBackFromTheTopicIsTheComparisonTheStreamDecidedWithEveryVerdictBoundAndFinding() {
        Map<String, ColumnProfile> reference = new LinkedHashMap<>();
        Map<String, ColumnProfile> window = new LinkedHashMap<>();
        reference.put("income", normal(50_000, 0.0, 1L));
        window.put("income", normal(5_000, 0.3, 2L));
        reference.put("age", NumericProfile.of(NumericProfileConfig.defaults(), IntStream.range(0, 400).mapToDouble(i -> i % 70).toArray()));
        window.put("age", NumericProfile.of(NumericProfileConfig.defaults(), IntStream.range(0, 300).mapToDouble(i -> 20 + i % 60).toArray()));
        reference.put("city", cities(3_000, 0.5));
        window.put("city", cities(1_000, 0.2));
        DriftComparison decided = new ProfileComparator(ComparisonSettings.DEFAULT).compare(reference, window)
                .withFindings(List.of(new SchemaFinding("zip", SchemaFinding.Kind.MISSING_COLUMN, SchemaFinding.Severity.ERROR,
                        "the window has no values of zip")));

        DriftComparison read = DriftReportRecords.comparison(roundTrip(DriftReportRecords.of(WINDOW, decided,
                ComparisonBasis.BASELINE, "b1", 5_000, null, "p1")));

        assertThat(read.dataset()).isEqualTo(decided.dataset());
        assertThat(read.schemaFindings()).isEqualTo(decided.schemaFindings());
        assertThat(read.columns().keySet()).containsExactlyElementsOf(decided.columns().keySet());
        decided.columns().forEach((name, column) -> {
            ColumnReport back = read.columns().get(name);
            assertThat(back.tests()).as(name).isEqualTo(column.tests());
            assertThat(back.informational()).as(name).isEqualTo(column.informational());
            assertThat(back.verdict()).as(name).isEqualTo(column.verdict());
            assertThat(List.of(back.type(), back.comparedAsCategories(), back.referenceCount(), back.currentCount(),
                    back.referenceMissing(), back.currentMissing())).as(name).isEqualTo(List.of(column.type(),
                    column.comparedAsCategories(), column.referenceCount(), column.currentCount(),
                    column.referenceMissing(), column.currentMissing()));
        });
        assertThat(read.columns().get("income").tests().get("wasserstein").outcome().bound()).isNotNull();
        assertThat(read.columns().get("age").tests().values()).extracting(test -> test.outcome().pValue()).doesNotContainNull();
    }

    @Test
    void aTestConditionNoDriftwatchWritesIsRefusedRatherThanGuessed() {
        DriftComparison decided = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("city", cities(3_000, 0.5)), Map.of("city", cities(1_000, 0.2)));
        DriftReport record = DriftReportRecords.of(WINDOW, decided, ComparisonBasis.BASELINE, "b1", 1_000, null, "p1");
        record.getColumns().get(0).getTests().get(0).setCondition("distance > 0.1");

        assertThatThrownBy(() -> DriftReportRecords.comparison(record))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distance > 0.1");
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
