package io.driftwatch.schemas.format;

import io.driftwatch.schemas.mapping.FeatureType;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.mapping.MappingProperties;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDecoderTest {
    private static final String TOPIC = "inferences";

    private final JsonDecoder<InferenceLog> decoder = new JsonDecoder<>(
            InferenceMapping.canonical().withFeatureTypes(Map.of("age", FeatureType.NUMBER)), DecodeLimits.DEFAULT);

    private DecodeResult<InferenceLog> decode(String json) {
        return decoder.decode(TOPIC, json.getBytes(StandardCharsets.UTF_8));
    }

    private static DecodeResult<InferenceLog> failed(DeadLetterReason code, String reason) {
        return DecodeResult.failed(code, reason);
    }

    @Test
    void readsBackAnInferenceLogItsEncoderWrote() {
        InferenceLog log = Samples.inference("req-1");

        assertThat(decoder.decode(TOPIC, RecordEncoders.json(log))).isEqualTo(DecodeResult.decoded(log));
    }

    @Test
    void readsBackAFeedbackLabelItsEncoderWrote() {
        FeedbackLabel label = Samples.label("req-1");
        JsonDecoder<FeedbackLabel> labels = new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT);

        assertThat(labels.decode("labels", RecordEncoders.json(label))).isEqualTo(DecodeResult.decoded(label));
    }

    @Test
    void flattensNestedFeaturesAndReadsAnIsoEventTime() {
        DecodeResult<InferenceLog> result = decode("""
                {"requestId": "r1", "modelName": "fraud", "modelVersion": 3, "eventTime": "2024-05-01T14:00:00.123+02:00",
                 "features": {"age": 31, "geo": {"country": "NO", "city": null}, "vip": false, "score": 0.5},
                 "prediction": true}""");

        Map<String, Object> features = new java.util.HashMap<>(Map.of("age", 31L, "geo.country", "NO", "vip", false,
                "score", 0.5));
        features.put("geo.city", null);
        assertThat(result).isEqualTo(DecodeResult.decoded(InferenceLog.newBuilder().setRequestId("r1")
                .setModelName("fraud").setModelVersion("3").setEventTime(Samples.EVENT_TIME).setFeatures(features)
                .setPrediction("true").build()));
    }

    @Test
    void mapsAUsersFlatRecord() {
        JsonDecoder<InferenceLog> flat = new JsonDecoder<>(MappingProperties.inference(CorpusSchemas.FLAT_MAPPING),
                DecodeLimits.DEFAULT);

        DecodeResult<InferenceLog> result = flat.decode(TOPIC, """
                {"id": "r2", "model": "fraud", "ts": 1714564800123, "f_age": 31, "f_income": 52000.5, "score": 0.87}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(DecodeResult.decoded(InferenceLog.newBuilder().setRequestId("r2")
                .setModelName("fraud").setModelVersion("v1").setEventTime(Samples.EVENT_TIME)
                .setFeatures(Map.of("age", 31L, "income", 52_000.5)).setPrediction(0.87).build()));
    }

    @Test
    void saysWhereTheJsonIsInvalid() {
        assertThat(decode("{\"requestId\": \"r1\", \"modelName\" \"fraud\"}")).isEqualTo(failed(
                DeadLetterReason.INVALID_JSON, "invalid JSON at line 1, column 33: Unexpected character ('\"' (code"
                        + " 34)): was expecting a colon to separate field name and value"));
    }

    @Test
    void namesTheMissingField() {
        assertThat(decode("{\"modelName\": \"fraud\"}")).isEqualTo(failed(DeadLetterReason.MISSING_FIELD,
                "missing field 'requestId'"));
        assertThat(decode("{\"requestId\": null}")).isEqualTo(failed(DeadLetterReason.MISSING_FIELD,
                "field 'requestId' is null"));
    }

    @Test
    void namesAFeatureOfTheWrongType() {
        assertThat(decode("""
                {"requestId": "r", "modelName": "m", "modelVersion": "v", "eventTime": 0,
                 "features": {"age": "31"}, "prediction": 1}""")).isEqualTo(failed(DeadLetterReason.WRONG_TYPE,
                "feature 'age' is a string, expected a number (declared by"
                        + " driftwatch.mapping.inference.feature.type.age)"));
        assertThat(decode("""
                {"requestId": "r", "modelName": "m", "modelVersion": "v", "eventTime": 0,
                 "features": {"tags": [1, 2]}, "prediction": 1}""")).isEqualTo(failed(DeadLetterReason.WRONG_TYPE,
                "feature 'tags' is an array; features must be numbers, strings, booleans or null"));
    }

    @Test
    void namesAFieldOfTheWrongType() {
        assertThat(decode("{\"requestId\": {\"id\": 1}}")).isEqualTo(failed(DeadLetterReason.WRONG_TYPE,
                "field 'requestId' is an object, expected a string"));
        assertThat(decode("""
                {"requestId": "r", "modelName": "m", "modelVersion": "v", "eventTime": "yesterday"}"""))
                .isEqualTo(failed(DeadLetterReason.WRONG_TYPE, "field 'eventTime' is a string that is not a time;"
                        + " expected ISO-8601 (2024-05-01T12:00:00Z) or epoch milliseconds"));
        assertThat(decode("""
                {"requestId": "r", "modelName": "m", "modelVersion": "v", "eventTime": 0, "features": {},
                 "prediction": 1, "classScores": {"fraud": "high"}}""")).isEqualTo(failed(DeadLetterReason.WRONG_TYPE,
                "class score 'fraud' is a string, expected a number"));
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertThat(decode("[1, 2]")).isEqualTo(failed(DeadLetterReason.INVALID_JSON,
                "expected one JSON object per record, found a JSON array"));
        assertThat(decode("  ")).isEqualTo(failed(DeadLetterReason.INVALID_JSON,
                "expected one JSON object per record, found nothing but whitespace"));
        assertThat(decoder.decode(TOPIC, null)).isEqualTo(failed(DeadLetterReason.INVALID_JSON,
                "the record value is null (a tombstone); expected one JSON object"));
        assertThat(decoder.decode(TOPIC, new byte[0])).isEqualTo(failed(DeadLetterReason.INVALID_JSON,
                "the record value is empty; expected one JSON object"));
    }

    @Test
    void refusesTrailingContentAndDuplicateKeys() {
        assertThat(decode("{\"requestId\": \"r\"} {}")).isEqualTo(failed(DeadLetterReason.INVALID_JSON,
                "invalid JSON at line 1, column 20: more content after the end of the object; write one JSON object"
                        + " per record"));
        assertThat(decode("{\"requestId\": \"r\"")).isEqualTo(failed(DeadLetterReason.INVALID_JSON,
                "invalid JSON at line 1, column 18: Unexpected end-of-input: expected close marker for Object"));
        assertThat(decode("{\"requestId\": \"r\", \"requestId\": \"s\"}")).isEqualTo(failed(
                DeadLetterReason.INVALID_JSON, "invalid JSON at line 1, column 31: Duplicate field 'requestId'"));
    }

    @Test
    void recognisesAvroSentToAJsonTopic() {
        assertThat(decoder.decode(TOPIC, RecordEncoders.confluent(Samples.inference("r"), 1)))
                .isInstanceOfSatisfying(DecodeResult.Failed.class, failed -> {
                    assertThat(failed.code()).isEqualTo(DeadLetterReason.INVALID_JSON);
                    assertThat(failed.reason()).endsWith("; it looks like Confluent Avro (magic byte 0): configure"
                            + " that format for this topic");
                });
    }

    @Test
    void refusesRecordsOverTheLimits() {
        JsonDecoder<InferenceLog> strict = new JsonDecoder<>(InferenceMapping.canonical(), new DecodeLimits(200, 20, 2,
                100, 4));
        String valid = "{\"requestId\": \"r\", \"modelName\": \"m\", \"modelVersion\": \"v\", \"eventTime\": 0,"
                + " \"prediction\": 1, \"features\": ";

        assertThat(strict.decode(TOPIC, new byte[201])).isEqualTo(failed(DeadLetterReason.TOO_LARGE,
                "the record value has 201 bytes, more than the limit of 200"));
        assertThat(strict.decode(TOPIC, (valid + "{\"a\": 1, \"b\": 2, \"c\": 3}}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(failed(DeadLetterReason.TOO_LARGE, "the record has more than 2 features, the limit; raise"
                        + " the limit or map fewer fields as features"));
        assertThat(strict.decode(TOPIC, (valid + "{\"a\": \"" + "x".repeat(21) + "\"}}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(failed(DeadLetterReason.TOO_LARGE, "JSON record is over a limit: String value length (21)"
                        + " exceeds the maximum allowed (20)"));
        assertThat(strict.decode(TOPIC, (valid + "{\"a\": {\"b\": {\"c\": {\"d\": 1}}}}}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(failed(DeadLetterReason.TOO_LARGE, "JSON record is over a limit: Document nesting depth (5)"
                        + " exceeds the maximum allowed (4)"));
    }

    @Test
    void takesTheEventTimeFromTheKafkaRecordWhenMappedSo() {
        JsonDecoder<FeedbackLabel> labels = new JsonDecoder<>(MappingProperties.label(Map.of(
                "driftwatch.mapping.label.requestId", "ref",
                "driftwatch.mapping.label.modelName", "const:fraud",
                "driftwatch.mapping.label.label", "outcome.isFraud",
                "driftwatch.mapping.label.eventTime", "record-timestamp")), DecodeLimits.DEFAULT);
        Instant recordTime = Instant.parse("2024-05-02T00:00:00Z");

        DecodeResult<FeedbackLabel> result = labels.decode("labels",
                "{\"ref\": 1234, \"outcome\": {\"isFraud\": true}}".getBytes(StandardCharsets.UTF_8), recordTime);

        assertThat(result).isEqualTo(DecodeResult.decoded(FeedbackLabel.newBuilder().setRequestId("1234")
                .setModelName("fraud").setLabel("true").setEventTime(recordTime).build()));
    }
}
