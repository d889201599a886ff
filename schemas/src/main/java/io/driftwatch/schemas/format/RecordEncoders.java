package io.driftwatch.schemas.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Writes driftwatch's records in the three formats its decoders read, for the {@code produce} command and
 * for tests: Confluent framing with a given schema id, Avro single-object encoding, and JSON with
 * driftwatch's own field names (event time as epoch milliseconds). Whatever these write, the matching
 * decoder reads back equal, except that JSON has no NaN: a NaN or infinite feature is written as null
 * (driftwatch counts both as missing), and a non-finite prediction or class score is refused.
 * Thread-safe.
 */
public final class RecordEncoders {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RecordEncoders() {
    }

    /** Magic byte 0, the schema id big-endian, then the record in Avro binary. */
    public static byte[] confluent(SpecificRecordBase record, int schemaId) {
        return confluent(new SpecificDatumWriter<>(record.getSchema(), record.getSpecificData()), record, schemaId);
    }

    /** The same for a record of any writer schema, such as another version of one of driftwatch's records. */
    public static byte[] confluent(GenericRecord record, int schemaId) {
        return confluent(new GenericDatumWriter<>(record.getSchema()), record, schemaId);
    }

    private static <R> byte[] confluent(DatumWriter<R> writer, R record, int schemaId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** {@code C3 01}, the schema's CRC-64-AVRO fingerprint little-endian, then the record in Avro binary. */
    public static byte[] singleObject(SpecificRecordBase record) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<SpecificRecordBase>(record.getSpecificData(),
                    record.getSchema()).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }

    /** @throws IllegalArgumentException when the prediction or a class score is NaN or infinite */
    public static byte[] json(InferenceLog log) {
        ObjectNode object = JSON.createObjectNode()
                .put("requestId", log.getRequestId())
                .put("modelName", log.getModelName())
                .put("modelVersion", log.getModelVersion())
                .put("eventTime", log.getEventTime().toEpochMilli());
        ObjectNode features = object.putObject("features");
        log.getFeatures().forEach((name, value) -> putFeature(features, name, value));
        putNumberOrText(object, "prediction", log.getPrediction());
        if (log.getClassScores() != null) {
            ObjectNode scores = object.putObject("classScores");
            log.getClassScores().forEach((label, score) -> scores.put(label, finite("class score " + label, score)));
        }
        if (log.getSegments() != null) {
            ObjectNode segments = object.putObject("segments");
            log.getSegments().forEach(segments::put);
        }
        return write(object);
    }

    /** @throws IllegalArgumentException when the label is NaN or infinite */
    public static byte[] json(FeedbackLabel label) {
        ObjectNode object = JSON.createObjectNode()
                .put("requestId", label.getRequestId())
                .put("modelName", label.getModelName());
        putNumberOrText(object, "label", label.getLabel());
        object.put("eventTime", label.getEventTime().toEpochMilli());
        return write(object);
    }

    private static void putFeature(ObjectNode features, String name, @Nullable Object value) {
        if (value instanceof Double number && Double.isFinite(number)) {
            features.put(name, number);
        } else if (value instanceof Long number) {
            features.put(name, number);
        } else if (value instanceof Boolean flag) {
            features.put(name, flag);
        } else if (value instanceof CharSequence text) {
            features.put(name, text.toString());
        } else {
            features.putNull(name);
        }
    }

    private static void putNumberOrText(ObjectNode object, String field, Object value) {
        if (value instanceof Double number) {
            object.put(field, finite(field, number));
        } else {
            object.put(field, value.toString());
        }
    }

    private static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + "; JSON has no NaN or infinity");
        }
        return value;
    }

    private static byte[] write(ObjectNode object) {
        try {
            return JSON.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
    }
}
