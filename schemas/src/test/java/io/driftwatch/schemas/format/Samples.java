package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Records the format tests share; the other versions of InferenceLog and a user's own shape are the corpus's {@link CorpusSchemas}. */
public final class Samples {
    public static final Instant EVENT_TIME = Instant.parse("2024-05-01T12:00:00.123Z");

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
