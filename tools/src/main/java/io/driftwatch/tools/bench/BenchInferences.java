package io.driftwatch.tools.bench;

import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.topology.config.InputFormat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic inference logs shaped like a typical tabular model's: 20 numeric features (normal, with 1% of
 * values missing) and 5 categorical ones (a few labels each), a score as prediction. Record {@code i} is
 * the same on every run and machine, so benchmark inputs are reproducible without storing them. Thread-safe.
 */
final class BenchInferences {
    static final int NUMERIC_FEATURES = 20;
    static final int CATEGORICAL_FEATURES = 5;

    private static final long SEED = 20_261_123L;
    private static final String[][] CATEGORIES = {
            {"DE", "FR", "US", "GB", "JP", "BR", "IN"},
            {"web", "ios", "android"},
            {"free", "basic", "gold", "platinum"},
            {"new", "returning"},
            {"card", "transfer", "wallet", "cash", "voucher"}};
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] NUMERIC_NAMES = new String[NUMERIC_FEATURES];

    static {
        for (int i = 0; i < NUMERIC_FEATURES; i++) {
            NUMERIC_NAMES[i] = String.format(Locale.ROOT, "num_%02d", i);
        }
    }

    private BenchInferences() {
    }

    static InferenceLog record(long index) {
        SplittableRandom random = new SplittableRandom(SEED ^ (index * 0x9E3779B97F4A7C15L));
        Map<String, Object> features = new HashMap<>();
        for (int i = 0; i < NUMERIC_FEATURES; i++) {
            features.put(NUMERIC_NAMES[i], random.nextInt(100) == 0 ? null : normal(random) * (i + 1) + i);
        }
        for (int i = 0; i < CATEGORICAL_FEATURES; i++) {
            String[] labels = CATEGORIES[i];
            features.put("cat_" + i, labels[random.nextInt(labels.length)]);
        }
        return InferenceLog.newBuilder()
                .setRequestId("req-" + index)
                .setModelName("bench-model")
                .setModelVersion("v1")
                .setEventTime(START.plusMillis(index))
                .setFeatures(features)
                .setPrediction(random.nextDouble())
                .build();
    }

    /** The record in {@code format}'s encoding; {@code schemaId} is the registry id for the Confluent wire format. */
    static byte[] encode(InferenceLog log, InputFormat format, int schemaId) {
        return switch (format) {
            case AVRO_REGISTRY -> RecordEncoders.confluent(log, schemaId);
            case AVRO_SINGLE -> RecordEncoders.singleObject(log);
            case JSON -> RecordEncoders.json(log);
        };
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
