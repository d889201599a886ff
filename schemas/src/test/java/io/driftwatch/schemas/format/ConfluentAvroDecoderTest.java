package io.driftwatch.schemas.format;

import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.mapping.MappingProperties;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.RegistryUnavailableException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluentAvroDecoderTest {
    private static final String TOPIC = "inferences";

    private final MapSchemaLookup registry = new MapSchemaLookup(Map.of(
            1, InferenceLog.getClassSchema(),
            2, CorpusSchemas.OLDER_INFERENCE,
            3, CorpusSchemas.NEWER_INFERENCE,
            4, CorpusSchemas.FLAT_USER,
            5, CorpusSchemas.INCOMPATIBLE_INFERENCE,
            6, Schema.create(Schema.Type.STRING),
            7, FeedbackLabel.getClassSchema()));
    private final ConfluentAvroDecoder<InferenceLog> decoder = new ConfluentAvroDecoder<>(registry,
            MappingProperties.inference(CorpusSchemas.FLAT_MAPPING), DecodeLimits.DEFAULT);

    @Test
    void readsBackAnInferenceLogItsEncoderWrote() {
        InferenceLog log = Samples.inference("req-1");

        assertThat(decoder.decode(TOPIC, RecordEncoders.confluent(log, 1))).isEqualTo(DecodeResult.decoded(log));
    }

    @Test
    void readsBackAFeedbackLabelItsEncoderWrote() {
        FeedbackLabel label = Samples.label("req-1");
        ConfluentAvroDecoder<FeedbackLabel> labels = new ConfluentAvroDecoder<>(registry, LabelMapping.canonical(),
                DecodeLimits.DEFAULT);

        assertThat(labels.decode("labels", RecordEncoders.confluent(label, 7))).isEqualTo(DecodeResult.decoded(label));
    }

    @Test
    void readsAnOlderVersionWithoutTheFieldsThatHaveDefaults() {
        InferenceLog current = Samples.inference("req-2");
        GenericRecord older = new GenericData.Record(CorpusSchemas.OLDER_INFERENCE);
        older.put("requestId", "req-2");
        older.put("modelName", "fraud");
        older.put("modelVersion", "v3");
        older.put("eventTime", Samples.EVENT_TIME.toEpochMilli());
        older.put("features", current.getFeatures());
        older.put("prediction", 0.87);

        DecodeResult<InferenceLog> result = decoder.decode(TOPIC,
                Samples.confluent(2, Samples.avroBody(CorpusSchemas.OLDER_INFERENCE, older)));

        current.setClassScores(null);
        current.setSegments(null);
        assertThat(result).isEqualTo(DecodeResult.decoded(current));
    }

    @Test
    void readsANewerVersionIgnoringTheFieldsItAdded() {
        InferenceLog current = Samples.inference("req-3");
        GenericRecord newer = new GenericData.Record(CorpusSchemas.NEWER_INFERENCE);
        newer.put("requestId", "req-3");
        newer.put("tenant", "acme");
        newer.put("modelName", "fraud");
        newer.put("modelVersion", "v3");
        newer.put("eventTime", Samples.EVENT_TIME.toEpochMilli());
        newer.put("features", current.getFeatures());
        newer.put("prediction", 0.87);
        newer.put("classScores", current.getClassScores());
        newer.put("segments", current.getSegments());
        newer.put("latencyMillis", 12L);

        DecodeResult<InferenceLog> result = decoder.decode(TOPIC,
                Samples.confluent(3, Samples.avroBody(CorpusSchemas.NEWER_INFERENCE, newer)));

        assertThat(result).isEqualTo(DecodeResult.decoded(current));
    }

    @Test
    void mapsAUsersFlatRecordThroughTheFieldMapping() {
        GenericRecord flat = new GenericData.Record(CorpusSchemas.FLAT_USER);
        flat.put("id", "req-4");
        flat.put("model", "fraud");
        flat.put("ts", Samples.EVENT_TIME.toEpochMilli());
        flat.put("f_age", 31);
        flat.put("f_income", 52_000.5);
        flat.put("f_city", "Oslo");
        flat.put("score", 0.87);

        DecodeResult<InferenceLog> result = decoder.decode(TOPIC,
                Samples.confluent(4, Samples.avroBody(CorpusSchemas.FLAT_USER, flat)));

        assertThat(result).isEqualTo(DecodeResult.decoded(InferenceLog.newBuilder()
                .setRequestId("req-4").setModelName("fraud").setModelVersion("v1").setEventTime(Samples.EVENT_TIME)
                .setFeatures(Map.of("age", 31L, "income", 52_000.5, "city", "Oslo")).setPrediction(0.87)
                .build()));
    }

    @Test
    void takesTheEventTimeFromTheKafkaRecordWhenMappedSo() {
        Map<String, String> properties = new HashMap<>(CorpusSchemas.FLAT_MAPPING);
        properties.put("driftwatch.mapping.inference.eventTime", "record-timestamp");
        ConfluentAvroDecoder<InferenceLog> stamped = new ConfluentAvroDecoder<>(registry,
                MappingProperties.inference(properties), DecodeLimits.DEFAULT);
        GenericRecord flat = new GenericData.Record(CorpusSchemas.FLAT_USER);
        flat.put("id", "req-5");
        flat.put("model", "fraud");
        flat.put("ts", 0L);
        flat.put("f_age", 31);
        flat.put("f_income", 1.0);
        flat.put("f_city", null);
        flat.put("score", 0.5);
        byte[] bytes = Samples.confluent(4, Samples.avroBody(CorpusSchemas.FLAT_USER, flat));
        Instant recordTime = Instant.parse("2024-06-01T00:00:00Z");

        DecodeResult<InferenceLog> withTime = stamped.decode(TOPIC, bytes, recordTime);

        assertThat(((DecodeResult.Decoded<InferenceLog>) withTime).value().getEventTime()).isEqualTo(recordTime);
        assertThat(stamped.decode(TOPIC, bytes)).isEqualTo(DecodeResult.failed(DeadLetterReason.MISSING_FIELD,
                "eventTime comes from the Kafka record timestamp (driftwatch.mapping.inference.eventTime="
                        + "record-timestamp), but the decoder was not given one; pass it to decode(topic, bytes,"
                        + " recordTime)"));
    }

    @Test
    void looksUpEachSchemaIdOnce() {
        byte[] bytes = RecordEncoders.confluent(Samples.inference("req-6"), 1);

        for (int i = 0; i < 5; i++) {
            decoder.decode(TOPIC, bytes);
        }

        assertThat(registry.lookups()).isEqualTo(1);
    }

    @Test
    void decodesFromManyThreadsAtOnce() {
        List<InferenceLog> logs = IntStream.range(0, 2000).mapToObj(i -> Samples.inference("req-" + i)).toList();

        List<DecodeResult<InferenceLog>> results = logs.parallelStream()
                .map(log -> decoder.decode(TOPIC, RecordEncoders.confluent(log, 1))).toList();

        assertThat(results).isEqualTo(logs.stream().map(DecodeResult::decoded).toList());
    }

    @Test
    void mapsAUsersOwnLabelRecord() {
        Schema outcome = Samples.parse("""
                {"type": "record", "name": "Outcome", "namespace": "com.acme", "fields": [
                  {"name": "ref", "type": "long"},
                  {"name": "result", "type": {"type": "record", "name": "Result", "fields": [
                    {"name": "isFraud", "type": "boolean"}]}},
                  {"name": "decidedAt", "type": {"type": "long", "logicalType": "timestamp-micros"}}
                ]}""");
        GenericRecord result = new GenericData.Record(outcome.getField("result").schema());
        result.put("isFraud", true);
        GenericRecord record = new GenericData.Record(outcome);
        record.put("ref", 1234L);
        record.put("result", result);
        record.put("decidedAt", Samples.EVENT_TIME.toEpochMilli() * 1000 + 456);
        ConfluentAvroDecoder<FeedbackLabel> labels = new ConfluentAvroDecoder<>(new MapSchemaLookup(Map.of(9, outcome)),
                MappingProperties.label(Map.of("driftwatch.mapping.label.requestId", "ref",
                        "driftwatch.mapping.label.modelName", "const:fraud",
                        "driftwatch.mapping.label.label", "result.isFraud",
                        "driftwatch.mapping.label.eventTime", "decidedAt")), DecodeLimits.DEFAULT);

        assertThat(labels.decode("labels", Samples.confluent(9, Samples.avroBody(outcome, record))))
                .isEqualTo(DecodeResult.decoded(FeedbackLabel.newBuilder().setRequestId("1234").setModelName("fraud")
                        .setLabel("true").setEventTime(Samples.EVENT_TIME).build()));
    }

    @Test
    void namesAnUnknownSchemaId() {
        assertThat(decoder.decode(TOPIC, RecordEncoders.confluent(Samples.inference("r"), 42)))
                .isEqualTo(DecodeResult.failed(DeadLetterReason.UNKNOWN_SCHEMA, "unknown schema id 42 (registry"
                        + " answered 404); is the producer using the same schema registry?"));
    }

    @Test
    void letsARegistryOutagePropagateInsteadOfDeadLetteringTheRecord() {
        registry.goDown();

        assertThatThrownBy(() -> decoder.decode(TOPIC, RecordEncoders.confluent(Samples.inference("r"), 1)))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void refusesAVersionOfInferenceLogTheCurrentOneCannotRead() {
        GenericRecord old = new GenericData.Record(CorpusSchemas.INCOMPATIBLE_INFERENCE);
        old.put("requestId", "r");
        old.put("modelName", "fraud");
        old.put("eventTime", 0L);
        old.put("features", Map.of());
        old.put("prediction", 1.0);

        DecodeResult<InferenceLog> result = decoder.decode(TOPIC,
                Samples.confluent(5, Samples.avroBody(CorpusSchemas.INCOMPATIBLE_INFERENCE, old)));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA);
            assertThat(failed.reason()).startsWith("schema id 5 is a version of driftwatch's InferenceLog that the"
                    + " current version cannot read (").contains("modelVersion").endsWith("new fields need defaults");
        });
    }

    @Test
    void refusesASchemaThatIsNotARecord() {
        assertThat(decoder.decode(TOPIC, Samples.confluent(6, new byte[] {2, 'h'})))
                .isEqualTo(DecodeResult.failed(DeadLetterReason.INCOMPATIBLE_SCHEMA,
                        "schema id 6 is string, not a record; driftwatch reads InferenceLog from Avro records"));
    }

    @Test
    void namesTheWrongMagicByteAndWhatTheRecordLooksLike() {
        assertThat(decoder.decode(TOPIC, "{\"requestId\": \"r\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(DecodeResult.failed(DeadLetterReason.BAD_MAGIC_BYTE, "magic byte 0x7b, expected 0x00:"
                        + " the value starts with '{', so it looks like JSON, not Confluent-framed Avro; read this"
                        + " topic as JSON"));
    }

    @Test
    void refusesNullAndEmptyValues() {
        assertThat(decoder.decode(TOPIC, null)).isEqualTo(DecodeResult.failed(DeadLetterReason.TRUNCATED,
                "null value (a tombstone): there is no Confluent header to read a schema id from"));
        assertThat(decoder.decode(TOPIC, new byte[0])).isEqualTo(DecodeResult.failed(DeadLetterReason.TRUNCATED,
                "empty value: the Confluent header needs 5 bytes"));
    }

    @Test
    void refusesARecordOverTheSizeLimitBeforeReadingIt() {
        ConfluentAvroDecoder<InferenceLog> small = new ConfluentAvroDecoder<>(registry, InferenceMapping.canonical(),
                DecodeLimits.DEFAULT.withMaxRecordBytes(100));

        assertThat(small.decode(TOPIC, new byte[101])).isEqualTo(DecodeResult.failed(DeadLetterReason.TOO_LARGE,
                "the record value has 101 bytes, more than the limit of 100"));
        assertThat(registry.lookups()).isZero();
    }

    @Test
    void saysAtWhichByteARecordIsTruncated() {
        byte[] whole = RecordEncoders.confluent(Samples.inference("req-7"), 1);

        // 5 header bytes, then requestId: length 10 at byte 5 and "req-7" needs 5 bytes, only 3 are left.
        assertThat(decoder.decode(TOPIC, Arrays.copyOf(whole, 9))).isEqualTo(DecodeResult.failed(
                DeadLetterReason.TRUNCATED, "truncated Avro record at byte 5 (field 'requestId'): a string of 5"
                        + " bytes, but only 3 left"));
        assertThat(decoder.decode(TOPIC, Arrays.copyOf(whole, 17))).isEqualTo(DecodeResult.failed(
                DeadLetterReason.TRUNCATED, "truncated Avro record at byte 17 (field 'modelVersion'): a string"
                        + " length runs past the end"));
    }

    @Test
    void refusesBytesAfterTheEndOfTheRecord() {
        byte[] whole = RecordEncoders.confluent(Samples.inference("req-8"), 1);
        byte[] longer = Arrays.copyOf(whole, whole.length + 3);

        assertThat(decoder.decode(TOPIC, longer)).isEqualTo(DecodeResult.failed(DeadLetterReason.MALFORMED_AVRO,
                "3 trailing bytes after the Avro record, which ends at byte " + whole.length + " of "
                        + longer.length + "; was it written with a different schema than its id or fingerprint"
                        + " names?"));
    }

    @Test
    void refusesNegativeLengthsAndRunawayVarints() {
        byte[] negative = {0, 0, 0, 0, 1, 0x03};
        byte[] runaway = {0, 0, 0, 0, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

        assertThat(decoder.decode(TOPIC, negative)).isEqualTo(DecodeResult.failed(DeadLetterReason.MALFORMED_AVRO,
                "malformed Avro record at byte 5 (field 'requestId'): a negative string length (-2)"));
        assertThat(decoder.decode(TOPIC, runaway)).isEqualTo(DecodeResult.failed(DeadLetterReason.MALFORMED_AVRO,
                "malformed Avro record at byte 5 (field 'requestId'): an invalid varint for a string length (too"
                        + " many bytes or out of range)"));
    }

    @Test
    void refusesAHugeStringLengthWithoutAllocatingIt() {
        // requestId claims 2^40 bytes; the scan sees only 1 is left and stops before Avro reads the length.
        byte[] bytes = {0, 0, 0, 0, 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40, 'x'};

        assertThat(decoder.decode(TOPIC, bytes)).isEqualTo(DecodeResult.failed(DeadLetterReason.TRUNCATED,
                "truncated Avro record at byte 5 (field 'requestId'): a string of 1099511627776 bytes, but only 1"
                        + " left"));
    }

    @Test
    void refusesAStringLongerThanTheLimit() {
        ConfluentAvroDecoder<InferenceLog> strict = new ConfluentAvroDecoder<>(registry, InferenceMapping.canonical(),
                DecodeLimits.DEFAULT.withMaxStringBytes(64));

        assertThat(strict.decode(TOPIC, RecordEncoders.confluent(Samples.inference("r".repeat(65)), 1)))
                .isEqualTo(DecodeResult.failed(DeadLetterReason.TOO_LARGE, "a string of 65 bytes at byte 5 (field"
                        + " 'requestId') is longer than the limit of 64 bytes"));
    }

    @Test
    void refusesAnOutOfRangeUnionBranch() {
        byte[] bytes = RecordEncoders.confluent(Samples.inference("req-9"), 1);
        int predictionIndex = indexOfPrediction(bytes);
        bytes[predictionIndex] = 0x08;

        assertThat(decoder.decode(TOPIC, bytes)).isEqualTo(DecodeResult.failed(DeadLetterReason.MALFORMED_AVRO,
                "malformed Avro record at byte " + predictionIndex + " (field 'prediction'): union branch 4, but"
                        + " there are 2 branches"));
    }

    @Test
    void refusesMoreFeaturesThanTheLimit() {
        InferenceLog log = Samples.inference("req-10");
        Map<String, Object> features = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            features.put("f" + i, (long) i);
        }
        log.setFeatures(features);
        ConfluentAvroDecoder<InferenceLog> strict = new ConfluentAvroDecoder<>(registry, InferenceMapping.canonical(),
                DecodeLimits.DEFAULT.withMaxFeatures(10));

        assertThat(strict.decode(TOPIC, RecordEncoders.confluent(log, 1))).isEqualTo(DecodeResult.failed(
                DeadLetterReason.TOO_LARGE, "the record has more than 10 features, the limit; raise the limit or"
                        + " map fewer fields as features"));
    }

    @Test
    void refusesAFeatureOfAnotherTypeThanDeclared() {
        InferenceLog log = Samples.inference("req-11");
        log.getFeatures().put("age", "31");

        assertThat(decoder.decode(TOPIC, RecordEncoders.confluent(log, 1))).isEqualTo(DecodeResult.failed(
                DeadLetterReason.WRONG_TYPE, "feature 'age' is a string, expected a number (declared by"
                        + " driftwatch.mapping.inference.feature.type.age)"));
    }

    /** The sample's prediction, the double 0.87, is union index 0 then 8 little-endian bytes. */
    private static int indexOfPrediction(byte[] bytes) {
        long bits = Double.doubleToLongBits(0.87);
        for (int i = 5; i + 8 < bytes.length; i++) {
            if (bytes[i] == 0 && littleEndian(bytes, i + 1) == bits) {
                return i;
            }
        }
        throw new IllegalStateException("no prediction in the sample");
    }

    private static long littleEndian(byte[] bytes, int from) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[from + i] & 0xff);
        }
        return value;
    }
}
