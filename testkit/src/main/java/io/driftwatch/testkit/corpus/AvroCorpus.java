package io.driftwatch.testkit.corpus;

import io.driftwatch.schemas.format.CorpusSchemas;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.testkit.corpus.MalformedCorpus.Case;
import io.driftwatch.testkit.corpus.MalformedCorpus.Format;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static io.driftwatch.schemas.format.CorpusSchemas.BY_ID;
import static java.util.Objects.requireNonNull;

/** The malformed corpus's cases in one of the two Avro framings, Confluent or single-object. */
final class AvroCorpus {
    private final Format format;
    private final Random random;
    private final CorpusSamples samples;
    private final List<Case> cases = new ArrayList<>();

    AvroCorpus(Format format, Random random) {
        this.format = format;
        this.random = random;
        this.samples = new CorpusSamples(random);
    }

    List<Case> cases() {
        goodRecords();
        truncations();
        wrongMagic();
        unknownSchemas();
        structuralCorruptions();
        trailingBytes();
        randomBytes();
        overLimits();
        wrongTypesAndSchemas();
        nesting();
        add("null", "a tombstone", null, null, DeadLetterReason.TRUNCATED);
        return cases;
    }

    private void goodRecords() {
        for (int i = 0; i < 30; i++) {
            InferenceLog log = samples.inference();
            add("good", "current InferenceLog", frame(CorpusSchemas.CURRENT, AvroLayout.of(log).body()), log, null);
        }
        for (int i = 0; i < 10; i++) {
            InferenceLog log = samples.inference();
            add("good", "older InferenceLog", frame(CorpusSchemas.OLDER, body(CorpusSchemas.OLDER,
                    samples.asVersion(CorpusSchemas.OLDER_INFERENCE, log))), CorpusSamples.withoutOptionalFields(log), null);
            log = samples.inference();
            add("good", "newer InferenceLog", frame(CorpusSchemas.NEWER, body(CorpusSchemas.NEWER,
                    samples.asVersion(CorpusSchemas.NEWER_INFERENCE, log))), log, null);
            CorpusSamples.Flat flat = samples.flat();
            add("good", "flat user record", frame(CorpusSchemas.FLAT, body(CorpusSchemas.FLAT, flat.record())),
                    flat.expected(), null);
        }
    }

    private void truncations() {
        List<byte[]> wholes = List.of(
                frame(CorpusSchemas.CURRENT, AvroLayout.of(samples.inference()).body()),
                frame(CorpusSchemas.OLDER, body(CorpusSchemas.OLDER,
                        samples.asVersion(CorpusSchemas.OLDER_INFERENCE, samples.inference()))),
                frame(CorpusSchemas.FLAT, body(CorpusSchemas.FLAT, samples.flat().record())));
        for (byte[] whole : wholes) {
            for (int length = 0; length < whole.length; length++) {
                add("truncated", "cut to " + length + " of " + whole.length + " bytes", Arrays.copyOf(whole, length),
                        null, DeadLetterReason.TRUNCATED);
            }
        }
    }

    private void wrongMagic() {
        for (int i = 0; i < 40; i++) {
            byte[] bytes = goodCurrent();
            int at = format == Format.SINGLE_OBJECT_AVRO && random.nextBoolean() ? 1 : 0;
            byte original = bytes[at];
            while (bytes[at] == original) {
                bytes[at] = (byte) random.nextInt(256);
            }
            add("wrong magic", "byte " + at + " is " + String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xFF), bytes, null,
                    DeadLetterReason.BAD_MAGIC_BYTE);
        }
    }

    private void unknownSchemas() {
        byte[] body = AvroLayout.of(samples.inference()).body();
        for (int i = 0; i < 40; i++) {
            byte[] bytes;
            if (format == Format.CONFLUENT_AVRO) {
                int id = random.nextInt();
                while (BY_ID.containsKey(id)) {
                    id = random.nextInt();
                }
                bytes = confluent(id, body);
            } else {
                long fingerprint = random.nextLong();
                while (MalformedCorpus.singleObjectSchemas().findByFingerprint(fingerprint) != null) {
                    fingerprint = random.nextLong();
                }
                bytes = singleObject(fingerprint, body);
            }
            add("unknown schema", "unregistered id or fingerprint", bytes, null, DeadLetterReason.UNKNOWN_SCHEMA);
        }
    }

    /** Corruptions of structural bytes only: each is malformed whatever the rest of the record holds. */
    private void structuralCorruptions() {
        for (int i = 0; i < 150; i++) {
            AvroLayout layout = AvroLayout.of(samples.inference());
            byte[] body = layout.body();
            switch (i % 5) {
                case 0 -> {
                    AvroLayout.Union union = layout.unions().get(random.nextInt(layout.unions().size()));
                    byte[] bytes = body.clone();
                    bytes[union.offset()] = (byte) (2 * (union.branches() + random.nextInt(64 - union.branches())));
                    add("bad union index", "at body byte " + union.offset(), framed(bytes), null,
                            DeadLetterReason.MALFORMED_AVRO);
                }
                case 1 -> {
                    int at = pick(layout.stringLengths());
                    long length = body.length + 1L + random.nextInt(1 << 30);
                    add("length past the end", "string of " + length + " bytes at body byte " + at,
                            framed(splice(body, at, varint(length))), null, DeadLetterReason.TRUNCATED);
                }
                case 2 -> {
                    int at = pick(layout.stringLengths());
                    add("negative length", "at body byte " + at, framed(splice(body, at,
                            varint(-1 - random.nextInt(64)))), null, DeadLetterReason.MALFORMED_AVRO);
                }
                case 3 -> {
                    int at = pick(layout.stringLengths());
                    byte[] garbage = new byte[10];
                    Arrays.fill(garbage, (byte) 0xFF);
                    add("garbage varint", "ten 0xFF bytes at body byte " + at, framed(splice(body, at, garbage)), null,
                            DeadLetterReason.MALFORMED_AVRO);
                }
                default -> {
                    int at = pick(layout.mapCounts());
                    long count = MalformedCorpus.LIMITS.maxCollectionItems() + 1L + random.nextInt(1 << 30);
                    add("huge item count", count + " items at body byte " + at, framed(splice(body, at, varint(count))),
                            null, DeadLetterReason.TOO_LARGE);
                }
            }
        }
    }

    private void trailingBytes() {
        for (int i = 0; i < 30; i++) {
            byte[] whole = goodCurrent();
            byte[] longer = Arrays.copyOf(whole, whole.length + 1 + random.nextInt(16));
            for (int at = whole.length; at < longer.length; at++) {
                longer[at] = (byte) random.nextInt(256);
            }
            add("trailing bytes", (longer.length - whole.length) + " after the record", longer, null,
                    DeadLetterReason.MALFORMED_AVRO);
        }
    }

    private void randomBytes() {
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            add("random bytes", bytes.length + " bytes", bytes, null, headerVerdict(bytes));
        }
        int[] ids = {CorpusSchemas.CURRENT, CorpusSchemas.NODE};
        for (int i = 0; i < 60; i++) {
            byte[] body = new byte[random.nextInt(120)];
            random.nextBytes(body);
            int id = ids[i % ids.length];
            add("random body", body.length + " random bytes after a valid header for schema " + id, frame(id, body),
                    null, body.length == 0 ? DeadLetterReason.TRUNCATED : null);
        }
    }

    private void overLimits() {
        for (int i = 0; i < 10; i++) {
            InferenceLog log = samples.inference();
            log.setRequestId(samples.word(MalformedCorpus.LIMITS.maxStringBytes() + 1, 4000));
            add("huge string", "requestId of " + log.getRequestId().length() + " bytes", framedLog(log), null,
                    DeadLetterReason.TOO_LARGE);
            add("too many features", "", framedLog(withFeatures(samples.inference(), 101, 300)), null,
                    DeadLetterReason.TOO_LARGE);
            add("too many items", "", framedLog(withFeatures(samples.inference(), 1001, 1500)), null,
                    DeadLetterReason.TOO_LARGE);
            byte[] oversized = new byte[MalformedCorpus.LIMITS.maxRecordBytes() + 1 + random.nextInt(1000)];
            random.nextBytes(oversized);
            System.arraycopy(goodCurrent(), 0, oversized, 0, 10);
            add("oversized", oversized.length + " bytes", oversized, null, DeadLetterReason.TOO_LARGE);
        }
    }

    private void wrongTypesAndSchemas() {
        for (int i = 0; i < 10; i++) {
            InferenceLog log = samples.inference();
            log.getFeatures().put("age", samples.word(1, 3));
            add("wrong type", "feature age is text", framedLog(log), null, DeadLetterReason.WRONG_TYPE);
            GenericRecord flat = samples.flat().record();
            GenericRecord textAge = new GenericData.Record(CorpusSchemas.FLAT_STRING_AGE_SCHEMA);
            for (String field : List.of("id", "model", "ts", "score")) {
                textAge.put(field, flat.get(field));
            }
            textAge.put("f_age", samples.word(1, 3));
            add("wrong type", "flat record with age as text",
                    frame(CorpusSchemas.FLAT_STRING_AGE, body(CorpusSchemas.FLAT_STRING_AGE, textAge)), null,
                    DeadLetterReason.WRONG_TYPE);
            GenericRecord incompatible = samples.asVersion(CorpusSchemas.INCOMPATIBLE_INFERENCE, samples.inference());
            add("incompatible schema", "InferenceLog without modelVersion", frame(CorpusSchemas.INCOMPATIBLE,
                    body(CorpusSchemas.INCOMPATIBLE, incompatible)), null, DeadLetterReason.INCOMPATIBLE_SCHEMA);
            add("incompatible schema", "a plain string", frame(CorpusSchemas.NOT_A_RECORD,
                    body(CorpusSchemas.NOT_A_RECORD, samples.word(1, 10))), null, DeadLetterReason.INCOMPATIBLE_SCHEMA);
        }
    }

    private void nesting() {
        for (int i = 0; i < 10; i++) {
            int deep = MalformedCorpus.LIMITS.maxNestingDepth() + 1 + random.nextInt(30);
            add("deep nesting", deep + " nested records", frame(CorpusSchemas.NODE, body(CorpusSchemas.NODE,
                    node(deep))), null, DeadLetterReason.TOO_LARGE);
            int shallow = 1 + random.nextInt(MalformedCorpus.LIMITS.maxNestingDepth());
            add("missing field", shallow + " nested records without the mapped fields", frame(CorpusSchemas.NODE,
                    body(CorpusSchemas.NODE, node(shallow))), null, DeadLetterReason.MISSING_FIELD);
        }
    }

    private GenericRecord node(int depth) {
        GenericRecord next = null;
        for (int i = 0; i < depth; i++) {
            GenericRecord node = new GenericData.Record(CorpusSchemas.NODE_SCHEMA);
            node.put("value", i);
            node.put("next", next);
            next = node;
        }
        return requireNonNull(next, "callers nest at least one record");
    }

    private InferenceLog withFeatures(InferenceLog log, int min, int max) {
        Map<String, Object> features = new HashMap<>();
        int count = min + random.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
            features.put("f" + i, (long) i);
        }
        log.setFeatures(features);
        return log;
    }

    /** What the header alone decides for random bytes, or null when the body decides. */
    private @Nullable DeadLetterReason headerVerdict(byte[] bytes) {
        byte[] magic = format == Format.CONFLUENT_AVRO ? new byte[] {0} : new byte[] {(byte) 0xC3, 0x01};
        int header = format == Format.CONFLUENT_AVRO ? 5 : 10;
        for (int i = 0; i < Math.min(magic.length, bytes.length); i++) {
            if (bytes[i] != magic[i]) {
                return DeadLetterReason.BAD_MAGIC_BYTE;
            }
        }
        if (bytes.length < header) {
            return DeadLetterReason.TRUNCATED;
        }
        boolean known = format == Format.CONFLUENT_AVRO
                ? BY_ID.containsKey(ByteBuffer.wrap(bytes, 1, 4).getInt())
                : MalformedCorpus.singleObjectSchemas().findByFingerprint(
                        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()) != null;
        return known ? null : DeadLetterReason.UNKNOWN_SCHEMA;
    }

    private byte[] goodCurrent() {
        return frame(CorpusSchemas.CURRENT, AvroLayout.of(samples.inference()).body());
    }

    private byte[] framed(byte[] currentBody) {
        return frame(CorpusSchemas.CURRENT, currentBody);
    }

    private byte[] framedLog(InferenceLog log) {
        return format == Format.CONFLUENT_AVRO ? RecordEncoders.confluent(log, CorpusSchemas.CURRENT)
                : RecordEncoders.singleObject(log);
    }

    private byte[] frame(int schemaId, byte[] body) {
        return format == Format.CONFLUENT_AVRO ? confluent(schemaId, body)
                : singleObject(SchemaNormalization.parsingFingerprint64(BY_ID.get(schemaId)), body);
    }

    private static byte[] body(int schemaId, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(BY_ID.get(schemaId)).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Magic byte 0, the id big-endian, then the body; unlike the producer's framing, any id, even a negative one. */
    private static byte[] confluent(int schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
    }

    private static byte[] singleObject(long fingerprint, byte[] body) {
        return ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xC3).put((byte) 1)
                .putLong(fingerprint).put(body).array();
    }

    /** The body with the one-byte varint at {@code at} replaced by {@code replacement}. */
    private static byte[] splice(byte[] body, int at, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(replacement, 0, replacement.length);
        out.write(body, at + 1, body.length - at - 1);
        return out.toByteArray();
    }

    private static byte[] varint(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return out.toByteArray();
    }

    private int pick(List<Integer> offsets) {
        return offsets.get(random.nextInt(offsets.size()));
    }

    private void add(String category, String description, byte @Nullable [] value, @Nullable InferenceLog expected,
                     @Nullable DeadLetterReason code) {
        cases.add(new Case(format, category, description, value, expected, code));
    }
}
