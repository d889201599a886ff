package io.driftwatch.testkit.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.testkit.corpus.MalformedCorpus.Case;
import io.driftwatch.testkit.corpus.MalformedCorpus.Format;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** The malformed corpus's JSON cases, read with driftwatch's own field names. */
final class JsonCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private final CorpusSamples samples;
    private final List<Case> cases = new ArrayList<>();

    JsonCorpus(Random random) {
        this.random = random;
        this.samples = new CorpusSamples(random);
    }

    List<Case> cases() {
        goodRecords();
        truncations();
        structuralCorruptions();
        randomBytes();
        wrongTypes();
        missingFields();
        overLimits();
        notOneObject();
        add("null", "a tombstone", null, null, DeadLetterReason.INVALID_JSON);
        add("empty", "no bytes", new byte[0], null, DeadLetterReason.INVALID_JSON);
        return cases;
    }

    private void goodRecords() {
        for (int i = 0; i < 30; i++) {
            InferenceLog log = samples.inference();
            add("good", "canonical JSON", RecordEncoders.json(log), log, null);
        }
        for (int i = 0; i < 10; i++) {
            InferenceLog log = samples.inference();
            ObjectNode json = tree(log);
            String country = samples.word(2, 4);
            json.put("eventTime", log.getEventTime().toString());
            ((ObjectNode) json.get("features")).putObject("geo").put("country", country).putNull("city");
            Map<String, @Nullable Object> features = new HashMap<>(log.getFeatures());
            features.put("geo.country", country);
            features.put("geo.city", null);
            InferenceLog expected = InferenceLog.newBuilder(log).setFeatures(features).build();
            add("good", "nested features and an ISO-8601 time", bytes(json), expected, null);
        }
    }

    private void truncations() {
        for (int i = 0; i < 3; i++) {
            byte[] whole = RecordEncoders.json(samples.inference());
            for (int length = 0; length < whole.length; length++) {
                add("truncated", "cut to " + length + " of " + whole.length + " bytes", Arrays.copyOf(whole, length),
                        null, DeadLetterReason.INVALID_JSON);
            }
        }
    }

    /** Quotes and braces only: with no quote or brace inside any string, each one is structural. */
    private void structuralCorruptions() {
        for (int i = 0; i < 150; i++) {
            byte[] bytes = RecordEncoders.json(samples.inference());
            List<Integer> structural = new ArrayList<>();
            for (int at = 0; at < bytes.length; at++) {
                if (bytes[at] == '"' || bytes[at] == '{' || bytes[at] == '}') {
                    structural.add(at);
                }
            }
            int at = structural.get(random.nextInt(structural.size()));
            String was = String.valueOf((char) bytes[at]);
            bytes[at] = (byte) "xyz0 ,:".charAt(random.nextInt(7));
            add("flipped byte", was + " at byte " + at + " became " + (char) bytes[at], bytes, null,
                    DeadLetterReason.INVALID_JSON);
        }
        for (int i = 0; i < 20; i++) {
            byte[] whole = RecordEncoders.json(samples.inference());
            String tail = List.of(" x", "{}", ",", " {\"a\": 1}", "]").get(random.nextInt(5));
            add("trailing content", tail, (new String(whole, StandardCharsets.UTF_8) + tail).getBytes(StandardCharsets.UTF_8),
                    null, DeadLetterReason.INVALID_JSON);
            String duplicated = new String(whole, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"modelName\": \"x\", ");
            add("duplicate key", "modelName twice", duplicated.getBytes(StandardCharsets.UTF_8), null,
                    DeadLetterReason.INVALID_JSON);
        }
    }

    private void randomBytes() {
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            add("random bytes", bytes.length + " bytes", bytes, null, DeadLetterReason.INVALID_JSON);
        }
        for (int i = 0; i < 20; i++) {
            add("avro sent to JSON", "a Confluent Avro record", RecordEncoders.confluent(samples.inference(), 1), null,
                    DeadLetterReason.INVALID_JSON);
        }
    }

    private void wrongTypes() {
        List<Consumer<ObjectNode>> edits = List.of(
                json -> json.put("requestId", true),
                json -> json.putObject("requestId").put("id", 1),
                json -> json.put("requestId", 1.5),
                json -> json.putArray("modelName").add("fraud"),
                json -> json.put("modelVersion", false),
                json -> json.put("eventTime", true),
                json -> json.put("eventTime", "yesterday"),
                json -> json.putObject("eventTime"),
                json -> json.putArray("prediction"),
                json -> json.putObject("prediction"),
                json -> json.put("features", "age=31"),
                json -> json.putArray("features").add(31),
                json -> ((ObjectNode) json.get("features")).put("age", "31"),
                json -> ((ObjectNode) json.get("features")).putArray("tags").add("a"),
                json -> json.putObject("classScores").put("yes", "high"),
                json -> json.put("classScores", 0.5),
                json -> json.putObject("segments").putArray("channel"));
        for (int i = 0; i < 60; i++) {
            ObjectNode json = tree(samples.inference());
            edits.get(i % edits.size()).accept(json);
            add("wrong type", "edit " + (i % edits.size()), bytes(json), null, DeadLetterReason.WRONG_TYPE);
        }
    }

    private void missingFields() {
        List<String> required = List.of("requestId", "modelName", "modelVersion", "eventTime", "features", "prediction");
        for (int i = 0; i < 36; i++) {
            ObjectNode json = tree(samples.inference());
            String field = required.get(i % required.size());
            if (i % 2 == 0) {
                json.remove(field);
            } else {
                json.putNull(field);
            }
            add("missing field", field + (i % 2 == 0 ? " absent" : " null"), bytes(json), null,
                    DeadLetterReason.MISSING_FIELD);
        }
    }

    private void overLimits() {
        DecodeLimits limits = MalformedCorpus.LIMITS;
        for (int i = 0; i < 10; i++) {
            ObjectNode json = tree(samples.inference());
            json.put("requestId", samples.word(limits.maxStringBytes() + 1, 4000));
            add("huge string", "requestId of " + json.get("requestId").textValue().length() + " chars", bytes(json), null,
                    DeadLetterReason.TOO_LARGE);

            ObjectNode deep = tree(samples.inference());
            ObjectNode level = (ObjectNode) deep.get("features");
            int depth = limits.maxNestingDepth() + random.nextInt(30);
            for (int d = 0; d < depth; d++) {
                level = level.putObject("a");
            }
            add("deep nesting", depth + " nested feature objects", bytes(deep), null, DeadLetterReason.TOO_LARGE);
            add("deep nesting", "arrays at the top", ("[".repeat(depth + 2) + "]".repeat(depth + 2))
                    .getBytes(StandardCharsets.UTF_8), null, DeadLetterReason.TOO_LARGE);

            ObjectNode many = tree(samples.inference());
            ObjectNode features = many.putObject("features");
            int count = limits.maxFeatures() + 1 + random.nextInt(200);
            for (int f = 0; f < count; f++) {
                features.put("f" + f, f);
            }
            add("too many features", count + " features", bytes(many), null, DeadLetterReason.TOO_LARGE);

            ObjectNode items = tree(samples.inference());
            var array = items.putArray("debug");
            for (int f = 0; f <= limits.maxCollectionItems(); f++) {
                array.add(f);
            }
            add("too many items", array.size() + " array items", bytes(items), null, DeadLetterReason.TOO_LARGE);

            byte[] oversized = new byte[limits.maxRecordBytes() + 1 + random.nextInt(1000)];
            Arrays.fill(oversized, (byte) ' ');
            oversized[0] = '{';
            oversized[oversized.length - 1] = '}';
            add("oversized", oversized.length + " bytes", oversized, null, DeadLetterReason.TOO_LARGE);
        }
    }

    private void notOneObject() {
        for (String text : List.of("[]", "42", "\"text\"", "null", "true", " ", "[{\"requestId\": \"r\"}]")) {
            add("not an object", text, text.getBytes(StandardCharsets.UTF_8), null, DeadLetterReason.INVALID_JSON);
        }
    }

    private static ObjectNode tree(InferenceLog log) {
        try {
            return (ObjectNode) JSON.readTree(RecordEncoders.json(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String category, String description, byte @Nullable [] value, @Nullable InferenceLog expected,
                     @Nullable DeadLetterReason code) {
        cases.add(new Case(Format.JSON, category, description, value, expected, code));
    }
}
