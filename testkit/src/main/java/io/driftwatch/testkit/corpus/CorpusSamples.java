package io.driftwatch.testkit.corpus;

import io.driftwatch.schemas.format.CorpusSchemas;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but seeded records for the malformed corpus. Text uses only lowercase letters and digits, so
 * that every quote and brace in their JSON is structural (the JSON corruptions rely on it) and every Avro
 * string length fits one byte.
 */
final class CorpusSamples {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> MODELS = List.of("fraud", "churn", "ltv");

    private final Random random;

    CorpusSamples(Random random) {
        this.random = random;
    }

    String word(int minChars, int maxChars) {
        int length = minChars + random.nextInt(maxChars - minChars + 1);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return word.toString();
    }

    Instant time() {
        return Instant.ofEpochMilli(1_714_000_000_000L + random.nextInt(1_000_000_000));
    }

    /** An inference with 1 to 8 features of every kind, and sometimes class scores and segments. */
    InferenceLog inference() {
        Map<String, @Nullable Object> features = new HashMap<>();
        features.put("age", (long) (18 + random.nextInt(80)));
        String[] optional = {"income", "country", "member", "referrer", "clicks", "ratio", "device"};
        for (String name : optional) {
            if (random.nextBoolean()) {
                features.put(name, switch (name) {
                    case "income" -> random.nextDouble() * 100_000;
                    case "country", "device" -> word(2, 8);
                    case "member" -> random.nextBoolean();
                    case "clicks" -> (long) random.nextInt(1000) - 10;
                    case "ratio" -> random.nextGaussian();
                    default -> null;
                });
            }
        }
        return InferenceLog.newBuilder()
                .setRequestId("req-" + word(4, 16))
                .setModelName(MODELS.get(random.nextInt(MODELS.size())))
                .setModelVersion("v" + (1 + random.nextInt(5)))
                .setEventTime(time())
                .setFeatures(features)
                .setPrediction(random.nextBoolean() ? (Object) random.nextDouble() : word(2, 6))
                .setClassScores(random.nextBoolean() ? Map.of("yes", 0.25, "no", 0.75) : null)
                .setSegments(random.nextBoolean() ? Map.of("channel", word(2, 6)) : null)
                .build();
    }

    /** The same inference as an older or newer writer schema writes it. */
    GenericRecord asVersion(Schema writer, InferenceLog log) {
        GenericRecord record = new GenericData.Record(writer);
        for (Schema.Field field : writer.getFields()) {
            Object value = switch (field.name()) {
                case "eventTime" -> log.getEventTime().toEpochMilli();
                case "tenant" -> word(2, 6);
                case "latencyMillis" -> (long) random.nextInt(500);
                default -> log.get(field.name());
            };
            record.put(field.name(), value);
        }
        return record;
    }

    /** What an older writer's record reads as: no class scores, no segments. */
    static InferenceLog withoutOptionalFields(InferenceLog log) {
        InferenceLog copy = InferenceLog.newBuilder(log).build();
        copy.setClassScores(null);
        copy.setSegments(null);
        return copy;
    }

    /** A user's flat record, and the inference it maps to with {@link CorpusSchemas#FLAT_MAPPING}. */
    Flat flat() {
        Flat flat = new Flat(new GenericData.Record(CorpusSchemas.FLAT_USER), word(3, 12), time(), random.nextInt(100),
                random.nextDouble() * 1000, random.nextBoolean() ? word(2, 8) : null, random.nextDouble());
        flat.record.put("id", flat.id);
        flat.record.put("model", "fraud");
        flat.record.put("ts", flat.time.toEpochMilli());
        flat.record.put("f_age", flat.age);
        flat.record.put("f_income", flat.income);
        flat.record.put("f_city", flat.city);
        flat.record.put("score", flat.score);
        return flat;
    }

    record Flat(GenericRecord record, String id, Instant time, int age, double income, @Nullable String city,
                double score) {
        InferenceLog expected() {
            Map<String, @Nullable Object> features = new HashMap<>();
            features.put("age", (long) age);
            features.put("income", income);
            features.put("city", city);
            return InferenceLog.newBuilder().setRequestId(id).setModelName("fraud").setModelVersion("v1")
                    .setEventTime(time).setFeatures(features).setPrediction(score).build();
        }
    }
}
