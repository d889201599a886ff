package io.driftwatch.topology.drift;

import io.driftwatch.schemas.history.EarlierSchemas;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.trigger.TriggerDecider;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.driftwatch.topology.trigger.TriggerState;
import io.driftwatch.topology.window.WindowKey;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DriftReportRecordsTest {
    private static final WindowKey WINDOW = new WindowKey("fraud", "v3", 1_800_000_000_000L);

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

        DriftReport read = roundTrip(DriftReportRecords.of(WINDOW, WINDOW.startMillis() + 60_000, comparison,
                ComparisonBasis.BASELINE, "b1", 100, null));

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
    void theFirstSchemaDiffersFromTheCurrentOneOnlyInTheExpectationKinds() {
        String first = SchemaNormalization.toParsingForm(EarlierSchemas.of(DriftReport.getClassSchema()).get(0));
        String current = SchemaNormalization.toParsingForm(DriftReport.getClassSchema());

        assertThat(current.replace(",\"EXPECTED_TYPE\",\"REQUIRED_COLUMN\",\"BELOW_MIN\",\"ABOVE_MAX\","
                + "\"UNEXPECTED_VALUE\",\"MISSING_SHARE\"", "")).isEqualTo(first);
    }

    @Test
    void anExpectationBrokenAtErrorInAWindowFiresTheSchemaErrorTrigger() {
        double[] values = IntStream.range(0, 500).asDoubleStream().toArray();
        Map<String, ColumnProfile> baseline = Map.of("income", NumericProfile.of(NumericProfileConfig.defaults(), values));
        Map<String, ColumnProfile> window = Map.of("income", NumericProfile.of(NumericProfileConfig.defaults(), values));
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withExpectations(List.of(
                ColumnExpectation.of("income").withMax(400).withSeverity(SchemaFinding.Severity.ERROR)));
        DriftComparison comparison = new ProfileComparator(settings).compare(baseline, window);
        DriftReport report = roundTrip(DriftReportRecords.of(WINDOW, WINDOW.startMillis() + 60_000, comparison,
                ComparisonBasis.BASELINE, "b1", 500, null));

        RetrainingTrigger trigger = new TriggerDecider(TriggerPolicy.DEFAULT).decide(report, TriggerState.INITIAL)
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
        DriftReport report = roundTrip(DriftReportRecords.of(WINDOW, WINDOW.startMillis() + 60_000,
                new ProfileComparator(settings).compare(profiles, profiles), ComparisonBasis.BASELINE, "b1", 500, null));

        assertThat(report.getSchemaFindings()).extracting(finding -> finding.getKind().name()).containsExactly("ABOVE_MAX");
        assertThat(new TriggerDecider(TriggerPolicy.DEFAULT).decide(report, TriggerState.INITIAL).trigger()).isEmpty();
    }
}
