package io.driftwatch.topics;

import io.driftwatch.schemas.history.EarlierSchemas;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.EstimationChunk;
import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SingleObjectAvroSerdeTest {

    @Test
    void anAlertEventWrittenWithTheFirstSchemaIsReadWithoutSummaries() throws Exception {
        Schema first = EarlierSchemas.of(AlertEvent.getClassSchema()).get(0);
        assertThat(first.getField("comparison")).isNull();
        Schema findingSchema = first.getField("findings").schema().getElementType();
        GenericRecord finding = new GenericData.Record(findingSchema);
        finding.put("feature", "age");
        finding.put("test", "ks");
        finding.put("statistic", 0.4);
        finding.put("threshold", 0.1);
        finding.put("effect", 4.0);
        finding.put("detail", "statistic >= threshold");
        GenericRecord old = new GenericData.Record(first);
        old.put("alertId", "a1");
        old.put("modelName", "fraud");
        old.put("modelVersion", "v3");
        old.put("kind", new GenericData.EnumSymbol(first.getField("kind").schema(), "DRIFT"));
        old.put("severity", new GenericData.EnumSymbol(first.getField("severity").schema(), "WARNING"));
        old.put("title", "fraud v3: 1 drifted column");
        old.put("windowStart", 1_000L);
        old.put("windowEnd", 2_000L);
        old.put("findings", List.of(finding));
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        AlertEvent read = new SingleObjectAvroSerde<AlertEvent>(AlertEvent.getClassSchema()).deserializer().deserialize("t", bytes);

        assertThat(read.getAlertId()).isEqualTo("a1");
        assertThat(read.getComparison()).isNull();
        assertThat(read.getFindings().get(0).getFeature()).isEqualTo("age");
        assertThat(read.getFindings().get(0).getSummary()).isNull();
    }

    @Test
    void anAlertEventWrittenWithTheSecondSchemaIsReadWithoutPValueConditionOrQuality() throws Exception {
        Schema second = EarlierSchemas.of(AlertEvent.getClassSchema()).get(1);
        assertThat(second.getField("quality")).isNull();
        Schema findingSchema = second.getField("findings").schema().getElementType();
        assertThat(findingSchema.getField("pValue")).isNull();
        GenericRecord finding = new GenericData.Record(findingSchema);
        finding.put("feature", "age");
        finding.put("test", "ks");
        finding.put("statistic", 0.684);
        finding.put("threshold", 0.05);
        finding.put("effect", 6.1);
        finding.put("detail", "p <= 0.05");
        finding.put("summary", null);
        GenericRecord old = new GenericData.Record(second);
        old.put("alertId", "a2");
        old.put("modelName", "fraud");
        old.put("modelVersion", "v3");
        old.put("kind", new GenericData.EnumSymbol(second.getField("kind").schema(), "DRIFT"));
        old.put("severity", new GenericData.EnumSymbol(second.getField("severity").schema(), "WARNING"));
        old.put("title", "fraud v3: 1 drifted column");
        old.put("windowStart", 1_000L);
        old.put("windowEnd", 2_000L);
        old.put("findings", List.of(finding));
        old.put("comparison", "BASELINE");
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), second).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        AlertEvent read = new SingleObjectAvroSerde<AlertEvent>(AlertEvent.getClassSchema()).deserializer().deserialize("t", bytes);

        assertThat(read.getComparison()).isEqualTo("BASELINE");
        assertThat(read.getQuality()).isNull();
        assertThat(read.getFindings().get(0).getDetail()).isEqualTo("p <= 0.05");
        assertThat(read.getFindings().get(0).getPValue()).isNull();
        assertThat(read.getFindings().get(0).getCondition()).isNull();
    }

    @Test
    void aDriftReportWrittenWithTheFirstSchemaIsReadWithNoInformationalTests() throws Exception {
        Schema first = EarlierSchemas.of(DriftReport.getClassSchema()).get(0);
        Schema columnSchema = first.getField("columns").schema().getElementType();
        assertThat(columnSchema.getField("informational")).isNull();
        Schema testSchema = columnSchema.getField("tests").schema().getElementType();
        GenericRecord wasserstein = new GenericData.Record(testSchema);
        wasserstein.put("test", "wasserstein");
        wasserstein.put("statistic", 0.21);
        wasserstein.put("pValue", null);
        wasserstein.put("method", new GenericData.EnumSymbol(testSchema.getField("method").schema(), "EXACT"));
        wasserstein.put("threshold", 0.1);
        wasserstein.put("condition", "statistic >= 0.1");
        wasserstein.put("verdict", new GenericData.EnumSymbol(testSchema.getField("verdict").schema(), "DRIFT"));
        wasserstein.put("bound", null);
        GenericRecord column = new GenericData.Record(columnSchema);
        column.put("feature", "income");
        column.put("columnType", new GenericData.EnumSymbol(columnSchema.getField("columnType").schema(), "NUMERIC"));
        column.put("comparedAsCategories", false);
        column.put("referenceCount", 5_000L);
        column.put("currentCount", 300L);
        column.put("referenceMissing", 0L);
        column.put("currentMissing", 0L);
        column.put("verdict", new GenericData.EnumSymbol(columnSchema.getField("verdict").schema(), "DRIFT"));
        column.put("tests", List.of(wasserstein));
        GenericRecord old = new GenericData.Record(first);
        old.put("reportId", "r1");
        old.put("modelName", "fraud");
        old.put("modelVersion", "v3");
        old.put("windowStart", 1_000L);
        old.put("windowEnd", 2_000L);
        old.put("comparison", new GenericData.EnumSymbol(first.getField("comparison").schema(), "BASELINE"));
        old.put("baselineId", "b1");
        old.put("records", 300L);
        old.put("verdictWithheld", null);
        old.put("columns", List.of(column));
        old.put("schemaFindings", List.of());
        old.put("datasetColumns", 1);
        old.put("driftedColumns", 1);
        old.put("inconclusiveColumns", 0);
        old.put("driftShare", 1.0);
        old.put("driftShareThreshold", 0.5);
        old.put("datasetDrift", true);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        DriftReport read = new SingleObjectAvroSerde<DriftReport>(DriftReport.getClassSchema()).deserializer().deserialize("t", bytes);

        assertThat(read.getColumns().get(0).getTests().get(0).getTest()).isEqualTo("wasserstein");
        assertThat(read.getColumns().get(0).getTests().get(0).getStatistic()).isEqualTo(0.21);
        assertThat(read.getColumns().get(0).getInformational()).isEmpty();
        assertThat(read.getDatasetDrift()).isTrue();
    }

    @Test
    void everyRecordWrittenBeforePoliciesIsReadableByTheCurrentSchema() {
        for (Schema current : List.of(DriftReport.getClassSchema(), QualityReport.getClassSchema(),
                RetrainingTrigger.getClassSchema(), AlertEvent.getClassSchema())) {
            Schema beforePolicies = EarlierSchemas.of(current).stream().filter(schema -> schema.getField("policyId") == null)
                    .reduce((older, newer) -> newer).orElseThrow();
            assertThat(beforePolicies.getField("policyId")).as(current.getName()).isNull();
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, beforePolicies).getType())
                    .as(current.getName()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void aTriggerWrittenBeforePoliciesIsReadWithoutAPolicyId() throws Exception {
        List<Schema> earlier = EarlierSchemas.of(RetrainingTrigger.getClassSchema());
        RetrainingTrigger trigger = RetrainingTrigger.newBuilder().setTriggerId("t-1").setModelName("credit")
                .setModelVersion("v7").setRule("dataset_drift").setRuleDescription("dataset drift in 1 window")
                .setFiredAt(Instant.ofEpochSecond(7200))
                .setWindows(List.of(new WindowRef(Instant.ofEpochSecond(3600), Instant.ofEpochSecond(7200), null)))
                .setEvidence(List.of(new Evidence("income", "wasserstein", 0.4, null, 0.1, "normed distance 0.4")))
                .setSummary("credit v7: dataset drift (income)").setSummarySlug("credit-v7-dataset-drift-income").build();
        // The policy id is the last field, so the earlier schema's positions are the current record's.
        ByteBuffer encoded = new BinaryMessageEncoder<RetrainingTrigger>(SpecificData.get(), earlier.get(earlier.size() - 1))
                .encode(trigger);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        RetrainingTrigger read = new SingleObjectAvroSerde<RetrainingTrigger>(RetrainingTrigger.getClassSchema()).deserializer()
                .deserialize("t", bytes);

        assertThat(read.getTriggerId()).isEqualTo("t-1");
        assertThat(read.getRule()).isEqualTo("dataset_drift");
        assertThat(read.getPolicyId()).isNull();
    }

    @Test
    void aQualityReportWrittenBeforeBinaryFiguresIsReadWithoutAConfusionMatrixOfThePositiveClass() throws Exception {
        Schema beforeBinary = EarlierSchemas.of(QualityReport.getClassSchema()).get(1);
        assertThat(beforeBinary.getField("binary")).isNull();
        GenericRecord old = new GenericData.Record(beforeBinary);
        old.put("reportId", "q-1");
        old.put("modelName", "fraud");
        old.put("modelVersion", "v3");
        old.put("windowStart", 1_000L);
        old.put("windowEnd", 2_000L);
        old.put("isFinal", true);
        old.put("task", new GenericData.EnumSymbol(beforeBinary.getField("task").schema(), "CLASSIFICATION"));
        old.put("predictions", 40L);
        old.put("labelled", 20L);
        old.put("labelCoverage", 0.5);
        old.put("metrics", Map.of("accuracy", 0.75));
        old.put("perClass", List.of());
        old.put("confusion", List.of());
        old.put("labelDelayQuantilesMillis", Map.of());
        old.put("unlabelled", 20L);
        old.put("duplicateLabels", 0L);
        old.put("unmatchedLabels", 0L);
        old.put("segments", List.of());
        old.put("baselineMetrics", Map.of());
        old.put("previousWindowMetrics", Map.of());
        old.put("policyId", "defaults");
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), beforeBinary).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        QualityReport read = new SingleObjectAvroSerde<QualityReport>(QualityReport.getClassSchema()).deserializer()
                .deserialize("t", bytes);

        assertThat(read.getReportId()).isEqualTo("q-1");
        assertThat(read.getMetrics()).containsEntry("accuracy", 0.75);
        assertThat(read.getPolicyId()).isEqualTo("defaults");
        assertThat(read.getBinary()).isNull();
    }

    @Test
    void baselinesAndQualityReportsWrittenBeforeEstimatedPerformanceAreReadWithoutOne() throws Exception {
        for (Schema current : List.of(Baseline.getClassSchema(), QualityReport.getClassSchema())) {
            String field = current.getName().equals("Baseline") ? "performanceEstimation" : "estimated";
            Schema before = EarlierSchemas.of(current).stream().filter(schema -> schema.getField(field) == null)
                    .reduce((older, newer) -> newer).orElseThrow();
            assertThat(before.getField(field)).as(current.getName()).isNull();
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, before).getType())
                    .as(current.getName()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
        Baseline baseline = Baseline.newBuilder().setBaselineId("fraud/v3/0123456789abcdef").setModelName("fraud")
                .setModelVersion("v3").setCreatedAt(Instant.ofEpochSecond(7200)).setSource("train.csv").setRows(10)
                .setContentHash("00").setColumns(List.of()).build();
        List<Schema> earlier = EarlierSchemas.of(Baseline.getClassSchema());
        // The new field is the last, so the earlier schema's positions are the current record's.
        ByteBuffer encoded = new BinaryMessageEncoder<Baseline>(SpecificData.get(), earlier.get(0)).encode(baseline);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        Baseline read = new SingleObjectAvroSerde<Baseline>(Baseline.getClassSchema()).deserializer().deserialize("t", bytes);

        assertThat(read.getBaselineId()).isEqualTo("fraud/v3/0123456789abcdef");
        assertThat(read.getPerformanceEstimation()).isNull();
    }

    @Test
    void baselinesDriftReportsAndAlertsWrittenBeforeMultivariateDriftAreReadWithoutIt() throws Exception {
        for (Schema current : List.of(Baseline.getClassSchema(), DriftReport.getClassSchema(), AlertEvent.getClassSchema())) {
            List<Schema> earlier = EarlierSchemas.of(current);
            Schema before = earlier.get(earlier.size() - 1);
            assertThat(before.getField("multivariate")).as(current.getName()).isNull();
            assertThat(current.getField("multivariate")).as(current.getName()).isNotNull();
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, before).getType())
                    .as(current.getName()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
        List<Schema> earlier = EarlierSchemas.of(Baseline.getClassSchema());
        Baseline baseline = Baseline.newBuilder().setBaselineId("fraud/v3/0123456789abcdef").setModelName("fraud")
                .setModelVersion("v3").setCreatedAt(Instant.ofEpochSecond(7200)).setSource("train.csv").setRows(10)
                .setContentHash("00").setColumns(List.of()).build();
        // The new field is the last, so the earlier schema's positions are the current record's.
        ByteBuffer encoded = new BinaryMessageEncoder<Baseline>(SpecificData.get(), earlier.get(earlier.size() - 1))
                .encode(baseline);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        Baseline read = new SingleObjectAvroSerde<Baseline>(Baseline.getClassSchema()).deserializer().deserialize("t", bytes);

        assertThat(read.getBaselineId()).isEqualTo("fraud/v3/0123456789abcdef");
        assertThat(read.getMultivariate()).isNull();
    }

    @Test
    void baselinesWithABinaryFitWrittenBeforeMulticlassFitsAreReadWithoutOne() throws Exception {
        List<Schema> earlier = EarlierSchemas.of(Baseline.getClassSchema());
        Schema before = earlier.get(1);
        assertThat(before.getField("performanceEstimation")).isNotNull();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(Baseline.getClassSchema(), before).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        BaselineEstimation binary = BaselineEstimation.newBuilder().setPositiveClass("fraud").setCalibrated(false)
                .setRocAucErrorDeviation(0.25).setRocAucErrorShare(0.5).setAveragePrecisionErrorDeviation(0.01)
                .setAveragePrecisionResampleSize(100)
                .setChunks(List.of(new EstimationChunk(3L, 1L, 2L, 4L, 0.75, null))).build();
        Baseline baseline = Baseline.newBuilder().setBaselineId("fraud/v3/0123456789abcdef").setModelName("fraud")
                .setModelVersion("v3").setCreatedAt(Instant.ofEpochSecond(7200)).setSource("train.csv").setRows(10)
                .setContentHash("00").setColumns(List.of()).setPerformanceEstimation(binary).build();
        // The multiclass field is the estimation's last, so the earlier schema's positions are the current record's.
        ByteBuffer encoded = new BinaryMessageEncoder<Baseline>(SpecificData.get(), before).encode(baseline);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        Baseline read = new SingleObjectAvroSerde<Baseline>(Baseline.getClassSchema()).deserializer().deserialize("t", bytes);

        BaselineEstimation estimation = read.getPerformanceEstimation();
        assertThat(estimation).isNotNull();
        assertThat(estimation.getPositiveClass()).isEqualTo("fraud");
        assertThat(estimation.getChunks()).hasSize(1);
        assertThat(estimation.getChunks().get(0).getRocAuc()).isEqualTo(0.75);
        assertThat(estimation.getMulticlass()).isNull();
    }
}
