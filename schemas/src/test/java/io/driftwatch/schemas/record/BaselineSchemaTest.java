package io.driftwatch.schemas.record;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineSchemaTest {

    private static Baseline sample() {
        BaselineColumn income = BaselineColumn.newBuilder()
                .setName("income").setColumnType(ColumnKind.NUMERIC).setCount(990).setMissing(10).setMissingRate(0.01)
                .setProfile(ByteBuffer.wrap(new byte[]{1, 1, 0})).setMin(12.5).setMax(99_000.0).setDistinctCount(812)
                .setDefaultTest("wasserstein").setThresholds(Map.of("wasserstein", 0.042)).build();
        BaselineColumn region = BaselineColumn.newBuilder()
                .setName("region").setColumnType(ColumnKind.CATEGORICAL).setCount(1000).setMissing(0).setMissingRate(0)
                .setProfile(ByteBuffer.wrap(new byte[]{1, 2, 1})).setDistinctCount(3).setDomain(List.of("north", "south", "east"))
                .setDefaultTest("jensen_shannon").setComparedAsCategories(true)
                .setNotCalibrated(Map.of("jensen_shannon", "the chunk statistics did not vary")).build();
        return Baseline.newBuilder().setBaselineId("fraud/3/0123456789abcdef").setModelName("fraud").setModelVersion("3")
                .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setSource("train.csv").setRows(1000)
                .setContentHash("ab".repeat(32))
                .setCalibration(CalibrationSettings.newBuilder().setChunks(10).setSeed(7).setBinning("quantile").setLogBase("e").build())
                .setColumns(List.of(income, region)).build();
    }

    @Test
    void aBaselineSurvivesSingleObjectEncoding() throws IOException {
        Baseline baseline = sample();

        Baseline decoded = Baseline.fromByteBuffer(baseline.toByteBuffer());

        assertThat(decoded).isEqualTo(baseline);
        assertThat(decoded.getColumns().get(1).getColumnType()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(decoded.getColumns().get(0).getThresholds()).containsEntry("wasserstein", 0.042);
    }

    @Test
    void everyOptionalFieldHasADefaultSoAWriterWithoutThemStaysReadable() throws IOException {
        Schema minimal = withoutDefaultedFields(Baseline.getClassSchema());
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(Baseline.getClassSchema(), minimal);
        assertThat(compatibility.getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);

        Baseline read = readWithCurrentSchema(minimalRecord(minimal), minimal);

        BaselineColumn column = read.getColumns().get(0);
        assertThat(read.getCalibration()).isNull();
        assertThat(column.getMin()).isNull();
        assertThat(column.getDomain()).isEmpty();
        assertThat(column.getDomainTruncated()).isFalse();
        assertThat(column.getThresholds()).isEmpty();
        assertThat(column.getNotCalibrated()).isEmpty();
        assertThat(column.getDefaultTest()).isNull();
    }

    /** The schema an old writer could have had: every field with a default removed, at every level. */
    private static Schema withoutDefaultedFields(Schema baseline) {
        Schema column = baseline.getField("columns").schema().getElementType();
        Schema minimalColumn = Schema.createRecord(column.getName(), null, column.getNamespace(), false,
                column.getFields().stream().filter(f -> !f.hasDefaultValue())
                        .map(f -> new Schema.Field(f.name(), f.schema())).toList());
        return Schema.createRecord(baseline.getName(), null, baseline.getNamespace(), false,
                baseline.getFields().stream().filter(f -> !f.hasDefaultValue())
                        .map(f -> new Schema.Field(f.name(), f.name().equals("columns")
                                ? Schema.createArray(minimalColumn) : f.schema())).toList());
    }

    private static GenericRecord minimalRecord(Schema minimal) {
        Schema columnSchema = minimal.getField("columns").schema().getElementType();
        GenericRecord column = new GenericData.Record(columnSchema);
        column.put("name", "income");
        column.put("columnType", new GenericData.EnumSymbol(columnSchema.getField("columnType").schema(), "NUMERIC"));
        column.put("count", 5L);
        column.put("missing", 0L);
        column.put("missingRate", 0.0);
        column.put("profile", ByteBuffer.wrap(new byte[]{1}));
        column.put("distinctCount", 5L);
        GenericRecord baseline = new GenericData.Record(minimal);
        baseline.put("baselineId", "m/1/00");
        baseline.put("modelName", "m");
        baseline.put("modelVersion", "1");
        baseline.put("createdAt", 0L);
        baseline.put("source", "old.csv");
        baseline.put("rows", 5L);
        baseline.put("contentHash", "00");
        baseline.put("columns", List.of(column));
        return baseline;
    }

    private static Baseline readWithCurrentSchema(GenericRecord written, Schema writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(writer).write(written, encoder);
        encoder.flush();
        SpecificDatumReader<Baseline> reader = new SpecificDatumReader<>(writer, Baseline.getClassSchema());
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
