package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.UserRecord;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceMappingTest {
    private static final String P = "driftwatch.mapping.inference.";
    private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");

    private static DecodeResult<InferenceLog> map(Map<String, String> properties, Map<String, @Nullable Object> fields) {
        return MappingProperties.inference(properties).fromUserRecord(new UserRecord(fields, null), DecodeLimits.DEFAULT);
    }

    private static Map<String, @Nullable Object> flatRecord() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", "r1");
        fields.put("model", "fraud");
        fields.put("version", "v2");
        fields.put("at", TIME);
        fields.put("score", 0.9);
        fields.put("age", 31L);
        fields.put("city", "Oslo");
        fields.put("debug", "x");
        fields.put("country", "NO");
        return fields;
    }

    private static final Map<String, String> FLAT = Map.of(P + "requestId", "id", P + "modelName", "model",
            P + "modelVersion", "version", P + "eventTime", "at", P + "prediction", "score");

    private static InferenceLog expected(Map<String, Object> features, @Nullable Map<String, String> segments) {
        return InferenceLog.newBuilder().setRequestId("r1").setModelName("fraud").setModelVersion("v2")
                .setEventTime(TIME).setFeatures(features).setPrediction(0.9).setSegments(segments).build();
    }

    @Test
    void takesAllRemainingTopLevelFieldsAsFeaturesExceptTheMappedAndExcludedOnes() {
        Map<String, String> properties = new HashMap<>(FLAT);
        properties.put(P + "features", "remaining");
        properties.put(P + "features.exclude", "debug");
        properties.put(P + "segments", "fields:country");

        assertThat(map(properties, flatRecord())).isEqualTo(DecodeResult.decoded(
                expected(Map.of("age", 31L, "city", "Oslo"), Map.of("country", "NO"))));
    }

    @Test
    void takesListedFieldsAsFeaturesAndAnAbsentOneAsMissing() {
        Map<String, String> properties = new HashMap<>(FLAT);
        properties.put(P + "features", "fields:age,city,income");
        properties.put(P + "segments", "none");
        Map<String, Object> features = new HashMap<>(Map.of("age", 31L, "city", "Oslo"));
        features.put("income", null);

        assertThat(map(properties, flatRecord())).isEqualTo(DecodeResult.decoded(expected(features, null)));
    }

    @Test
    void namesTheMappedFieldAndItsKeyWhenItIsMissing() {
        Map<String, @Nullable Object> fields = flatRecord();
        fields.remove("id");

        assertThat(map(FLAT, fields)).isEqualTo(DecodeResult.failed(DeadLetterReason.MISSING_FIELD,
                "missing field 'id' (the requestId, per driftwatch.mapping.inference.requestId)"));
    }

    @Test
    void namesAMissingFeatureMap() {
        assertThat(map(FLAT, flatRecord())).isEqualTo(DecodeResult.failed(DeadLetterReason.MISSING_FIELD,
                "missing field 'features'"));
    }

    @Test
    void refusesAFeatureThatIsBytesAndSaysHowToLeaveItOut() {
        Map<String, String> properties = new HashMap<>(FLAT);
        properties.put(P + "features", "remaining");
        Map<String, @Nullable Object> fields = flatRecord();
        fields.put("blob", new byte[] {1});

        assertThat(map(properties, fields)).isEqualTo(DecodeResult.failed(DeadLetterReason.WRONG_TYPE,
                "feature 'blob' is bytes; features must be numbers, strings, booleans or null (leave it out with"
                        + " driftwatch.mapping.inference.features.exclude)"));
    }

    @Test
    void cutsALongFeatureNameShortInTheReason() {
        Map<String, String> properties = new HashMap<>(FLAT);
        properties.put(P + "features", "remaining");
        Map<String, @Nullable Object> fields = flatRecord();
        fields.put("n".repeat(500), java.util.List.of());

        assertThat(map(properties, fields)).isEqualTo(DecodeResult.failed(DeadLetterReason.WRONG_TYPE,
                "feature '" + "n".repeat(61) + "...' is an array; features must be numbers, strings, booleans or null"
                        + " (leave it out with driftwatch.mapping.inference.features.exclude)"));
    }
}
