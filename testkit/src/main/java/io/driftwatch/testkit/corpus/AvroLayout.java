package io.driftwatch.testkit.corpus;

import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Avro binary of an InferenceLog with the offsets of its structural bytes: string lengths, union
 * indexes and map item counts. The malformed corpus corrupts exactly these, so every corruption is known
 * to be malformed: a flipped byte inside a string or a double would still be a valid record. Written by
 * hand field by field, and checked against Avro's own writer so the offsets cannot drift from the schema.
 *
 * @param body         the Avro binary, no header
 * @param stringLengths offsets of every string-length varint (each one byte: the samples' strings are short)
 * @param unions       offsets of every union index with the union's branch count
 * @param mapCounts    offsets of the first item count of every non-empty map (one byte)
 */
@SuppressWarnings("ArrayRecordComponent") // the corpus's working copy of one record's bytes: never compared, hashed or printed
record AvroLayout(byte[] body, List<Integer> stringLengths, List<Union> unions, List<Integer> mapCounts) {

    record Union(int offset, int branches) {
    }

    static AvroLayout of(InferenceLog log) {
        Writer writer = new Writer();
        writer.string(log.getRequestId());
        writer.string(log.getModelName());
        writer.string(log.getModelVersion());
        writer.run(encoder -> encoder.writeLong(log.getEventTime().toEpochMilli()));
        writer.map(log.getFeatures(), Writer::feature);
        writer.numberOrText(log.getPrediction());
        writer.optionalMap(log.getClassScores(), (w, score) -> w.run(encoder -> encoder.writeDouble(score)));
        writer.optionalMap(log.getSegments(), Writer::string);
        AvroLayout layout = new AvroLayout(writer.out.toByteArray(), writer.stringLengths, writer.unions,
                writer.mapCounts);
        if (!Arrays.equals(layout.body, avroBody(log))) {
            throw new IllegalStateException("the hand-written layout no longer matches InferenceLog's schema");
        }
        return layout;
    }

    private static byte[] avroBody(InferenceLog log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(InferenceLog.class).write(log, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class Writer {
        interface Step {
            void write(BinaryEncoder encoder) throws IOException;
        }

        interface ValueWriter<V> {
            void write(Writer writer, V value);
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        final List<Integer> stringLengths = new ArrayList<>();
        final List<Union> unions = new ArrayList<>();
        final List<Integer> mapCounts = new ArrayList<>();

        void run(Step step) {
            try {
                step.write(encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void string(String text) {
            stringLengths.add(out.size());
            run(encoder -> encoder.writeString(text));
        }

        void union(int index, int branches) {
            unions.add(new Union(out.size(), branches));
            run(encoder -> encoder.writeIndex(index));
        }

        <V> void map(Map<String, V> entries, ValueWriter<V> values) {
            if (!entries.isEmpty()) {
                mapCounts.add(out.size());
                run(encoder -> encoder.writeLong(entries.size()));
                entries.forEach((key, value) -> {
                    string(key);
                    values.write(this, value);
                });
            }
            run(encoder -> encoder.writeLong(0));
        }

        <V> void optionalMap(Map<String, V> entries, ValueWriter<V> values) {
            union(entries == null ? 0 : 1, 2);
            if (entries != null) {
                map(entries, values);
            }
        }

        void feature(Object value) {
            if (value == null) {
                union(0, 5);
            } else if (value instanceof Double number) {
                union(1, 5);
                run(encoder -> encoder.writeDouble(number));
            } else if (value instanceof Long number) {
                union(2, 5);
                run(encoder -> encoder.writeLong(number));
            } else if (value instanceof String text) {
                union(3, 5);
                string(text);
            } else {
                union(4, 5);
                run(encoder -> encoder.writeBoolean((Boolean) value));
            }
        }

        void numberOrText(Object value) {
            if (value instanceof Double number) {
                union(0, 2);
                run(encoder -> encoder.writeDouble(number));
            } else {
                union(1, 2);
                string(value.toString());
            }
        }
    }
}
