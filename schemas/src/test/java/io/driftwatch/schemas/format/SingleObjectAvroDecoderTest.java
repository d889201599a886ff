package io.driftwatch.schemas.format;

import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.mapping.MappingProperties;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SingleObjectAvroDecoderTest {
    private static final String TOPIC = "inferences";

    @TempDir
    Path schemaDir;

    private SingleObjectAvroDecoder<InferenceLog> decoder(List<Path> schemaPaths) {
        return new SingleObjectAvroDecoder<>(LocalSchemaStore.load(schemaPaths),
                MappingProperties.inference(CorpusSchemas.FLAT_MAPPING), DecodeLimits.DEFAULT);
    }

    @Test
    void readsBackWhatAvrosOwnMessageEncoderWrote() throws IOException {
        InferenceLog log = Samples.inference("req-1");
        ByteBuffer buffer = log.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);

        assertThat(decoder(List.of()).decode(TOPIC, bytes)).isEqualTo(DecodeResult.decoded(log));
        assertThat(RecordEncoders.singleObject(log)).isEqualTo(bytes);
    }

    @Test
    void readsBackAFeedbackLabel() {
        FeedbackLabel label = Samples.label("req-1");
        SingleObjectAvroDecoder<FeedbackLabel> labels = new SingleObjectAvroDecoder<>(LocalSchemaStore.ownSchemas(),
                LabelMapping.canonical(), DecodeLimits.DEFAULT);

        assertThat(labels.decode("labels", RecordEncoders.singleObject(label))).isEqualTo(DecodeResult.decoded(label));
    }

    @Test
    void readsAnOlderVersionFromAnAvscFile() throws IOException {
        Files.writeString(schemaDir.resolve("inference-v1.avsc"), CorpusSchemas.OLDER_INFERENCE.toString());
        InferenceLog current = Samples.inference("req-2");
        GenericRecord older = new GenericData.Record(CorpusSchemas.OLDER_INFERENCE);
        older.put("requestId", "req-2");
        older.put("modelName", "fraud");
        older.put("modelVersion", "v3");
        older.put("eventTime", Samples.EVENT_TIME.toEpochMilli());
        older.put("features", current.getFeatures());
        older.put("prediction", 0.87);

        DecodeResult<InferenceLog> result = decoder(List.of(schemaDir)).decode(TOPIC,
                singleObject(CorpusSchemas.OLDER_INFERENCE, Samples.avroBody(CorpusSchemas.OLDER_INFERENCE, older)));

        current.setClassScores(null);
        current.setSegments(null);
        assertThat(result).isEqualTo(DecodeResult.decoded(current));
    }

    @Test
    void mapsAUsersFlatRecordFromAnAvscFile() throws IOException {
        Path file = schemaDir.resolve("scored.avsc");
        Files.writeString(file, CorpusSchemas.FLAT_USER.toString());
        GenericRecord flat = new GenericData.Record(CorpusSchemas.FLAT_USER);
        flat.put("id", "req-3");
        flat.put("model", "fraud");
        flat.put("ts", Samples.EVENT_TIME.toEpochMilli());
        flat.put("f_age", 40);
        flat.put("f_income", 10.0);
        flat.put("f_city", null);
        flat.put("score", 0.1);

        DecodeResult<InferenceLog> result = decoder(List.of(file)).decode(TOPIC,
                singleObject(CorpusSchemas.FLAT_USER, Samples.avroBody(CorpusSchemas.FLAT_USER, flat)));

        Map<String, Object> features = new java.util.HashMap<>(Map.of("age", 40L, "income", 10.0));
        features.put("city", null);
        assertThat(result).isEqualTo(DecodeResult.decoded(InferenceLog.newBuilder().setRequestId("req-3")
                .setModelName("fraud").setModelVersion("v1").setEventTime(Samples.EVENT_TIME).setFeatures(features)
                .setPrediction(0.1).build()));
    }

    @Test
    void namesAnUnknownFingerprintInHex() {
        long fingerprint = SchemaNormalization.parsingFingerprint64(CorpusSchemas.FLAT_USER);

        DecodeResult<InferenceLog> result = decoder(List.of()).decode(TOPIC,
                singleObject(CorpusSchemas.FLAT_USER, new byte[] {2, 'x'}));

        assertThat(result).isEqualTo(DecodeResult.failed(DeadLetterReason.UNKNOWN_SCHEMA, "unknown schema fingerprint "
                + String.format(Locale.ROOT, "%016x", fingerprint) + " (CRC-64-AVRO of the writer schema); add the writer's .avsc"
                + " file to the local schema files"));
    }

    @Test
    void namesTheWrongMagicByte() {
        byte[] confluent = RecordEncoders.confluent(Samples.inference("r"), 1);
        byte[] secondWrong = {(byte) 0xC3, 0x02, 0, 0};

        assertThat(decoder(List.of()).decode(TOPIC, confluent)).isEqualTo(DecodeResult.failed(
                DeadLetterReason.BAD_MAGIC_BYTE, "bad magic byte 0x00 at byte 0, expected 0xC3 (Avro single-object"
                        + " encoding starts C3 01); it looks like Confluent Avro (magic byte 0): configure that"
                        + " format for this topic"));
        assertThat(decoder(List.of()).decode(TOPIC, secondWrong)).isEqualTo(DecodeResult.failed(
                DeadLetterReason.BAD_MAGIC_BYTE, "bad magic byte 0x02 at byte 1, expected 0x01 (Avro single-object"
                        + " encoding starts C3 01)"));
    }

    @Test
    void saysWhenTheHeaderIsCutShort() {
        byte[] whole = RecordEncoders.singleObject(Samples.inference("r"));

        assertThat(decoder(List.of()).decode(TOPIC, Arrays.copyOf(whole, 7))).isEqualTo(DecodeResult.failed(
                DeadLetterReason.TRUNCATED, "truncated Avro record at byte 7: the single-object header needs 10"
                        + " bytes (C3 01 and an 8-byte schema fingerprint)"));
        assertThat(decoder(List.of()).decode(TOPIC, Arrays.copyOf(whole, 12))).isEqualTo(DecodeResult.failed(
                DeadLetterReason.TRUNCATED, "truncated Avro record at byte 12 (field 'modelName'): a string length"
                        + " runs past the end"));
    }

    static byte[] singleObject(Schema writer, byte[] body) {
        return ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0xC3).put((byte) 0x01).putLong(SchemaNormalization.parsingFingerprint64(writer)).put(body)
                .array();
    }
}
