package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Records and writer schemas the format tests share, including other versions and a user's own shape. */
public final class Samples {
    public static final Instant EVENT_TIME = Instant.parse("2024-05-01T12:00:00.123Z");

    /** InferenceLog as it was before classScores and segments: both have defaults, so it still resolves. */
    public static final Schema OLDER_INFERENCE = parse("""
            {"type": "record", "name": "InferenceLog", "namespace": "io.driftwatch.schemas.record", "fields": [
              {"name": "requestId", "type": "string"},
              {"name": "modelName", "type": "string"},
              {"name": "modelVersion", "type": "string"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "features", "type": {"type": "map", "values": ["null", "double", "long", "string", "boolean"]}},
              {"name": "prediction", "type": ["double", "string"]}
            ]}""");

    /** A later InferenceLog with two added fields the current reader does not know. */
    public static final Schema NEWER_INFERENCE = parse("""
            {"type": "record", "name": "InferenceLog", "namespace": "io.driftwatch.schemas.record", "fields": [
              {"name": "requestId", "type": "string"},
              {"name": "tenant", "type": ["null", "string"], "default": null},
              {"name": "modelName", "type": "string"},
              {"name": "modelVersion", "type": "string"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "features", "type": {"type": "map", "values": ["null", "double", "long", "string", "boolean"]}},
              {"name": "prediction", "type": ["double", "string"]},
              {"name": "classScores", "type": ["null", {"type": "map", "values": "double"}], "default": null},
              {"name": "segments", "type": ["null", {"type": "map", "values": "string"}], "default": null},
              {"name": "latencyMillis", "type": "long", "default": 0}
            ]}""");

    /** An InferenceLog that dropped modelVersion, which the current reader needs and has no default for. */
    public static final Schema INCOMPATIBLE_INFERENCE = parse("""
            {"type": "record", "name": "InferenceLog", "namespace": "io.driftwatch.schemas.record", "fields": [
              {"name": "requestId", "type": "string"},
              {"name": "modelName", "type": "string"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "features", "type": {"type": "map", "values": ["null", "double", "long", "string", "boolean"]}},
              {"name": "prediction", "type": ["double", "string"]}
            ]}""");

    /** A model server's own flat record, read with {@link #FLAT_MAPPING}. */
    public static final Schema FLAT_USER = parse("""
            {"type": "record", "name": "Scored", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "string"},
              {"name": "model", "type": "string"},
              {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "f_age", "type": "int"},
              {"name": "f_income", "type": "double"},
              {"name": "f_city", "type": ["null", "string"]},
              {"name": "score", "type": "double"}
            ]}""");

    /** The brief's flat-record example, with the feature age declared numeric. */
    public static final Map<String, String> FLAT_MAPPING = Map.of(
            "driftwatch.mapping.inference.requestId", "id",
            "driftwatch.mapping.inference.modelName", "model",
            "driftwatch.mapping.inference.modelVersion", "const:v1",
            "driftwatch.mapping.inference.eventTime", "ts",
            "driftwatch.mapping.inference.prediction", "score",
            "driftwatch.mapping.inference.features", "prefix:f_",
            "driftwatch.mapping.inference.feature.type.age", "number");

    private Samples() {
    }

    public static InferenceLog inference(String requestId) {
        Map<String, Object> features = new HashMap<>();
        features.put("age", 31L);
        features.put("income", 52_000.5);
        features.put("country", "NO");
        features.put("member", true);
        features.put("referrer", null);
        return InferenceLog.newBuilder()
                .setRequestId(requestId)
                .setModelName("fraud")
                .setModelVersion("v3")
                .setEventTime(EVENT_TIME)
                .setFeatures(features)
                .setPrediction(0.87)
                .setClassScores(Map.of("fraud", 0.87, "ok", 0.13))
                .setSegments(Map.of("channel", "web"))
                .build();
    }

    public static FeedbackLabel label(String requestId) {
        return FeedbackLabel.newBuilder()
                .setRequestId(requestId)
                .setModelName("fraud")
                .setLabel("fraud")
                .setEventTime(EVENT_TIME.plusSeconds(3600))
                .build();
    }

    /** The Avro binary of a generic datum, with no header. */
    public static byte[] avroBody(Schema schema, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(schema).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Magic byte 0, the id big-endian, then the body. */
    public static byte[] confluent(int schemaId, byte[] body) {
        byte[] framed = new byte[body.length + 5];
        framed[1] = (byte) (schemaId >>> 24);
        framed[2] = (byte) (schemaId >>> 16);
        framed[3] = (byte) (schemaId >>> 8);
        framed[4] = (byte) schemaId;
        System.arraycopy(body, 0, framed, 5, body.length);
        return framed;
    }

    public static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
