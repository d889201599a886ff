package io.driftwatch.tools.bench;

import io.driftwatch.schemas.format.ConfluentAvroDecoder;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.LocalSchemaStore;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.format.SingleObjectAvroDecoder;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.SchemaLookup;
import io.driftwatch.topology.config.InputFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures how fast driftwatch's decoders read {@link InferenceLog} records in each input format, against
 * the cheapest decode of the same bytes: Avro's {@code SpecificDatumReader} with a reused
 * {@code BinaryDecoder} and no checks for the Avro formats, Jackson's {@code readTree} for JSON. The
 * difference is what driftwatch's safety costs: bounds on every length before allocating, the field
 * mapping, reasoned failures. The registry is an in-memory lookup, so no network is timed.
 *
 * <p>Per format: encode {@code records} records in memory, run each side once to warm up, then time
 * {@code passes} passes of each, alternating, and keep each side's best. Both sides must agree on what
 * they read (a checksum over every record), or the benchmark fails rather than report a meaningless speed.
 */
final class DecodeBenchmark {
    private static final int SCHEMA_ID = 1;
    private static final String TOPIC = "bench";

    private final int records;
    private final int passes;

    /** A decode of every payload, returning a checksum of what it read. */
    private interface Pass {
        long run(byte[][] payloads);
    }

    DecodeBenchmark(int records, int passes) {
        if (records < 1 || passes < 1) {
            throw new IllegalArgumentException("records and passes must be at least 1, were " + records + " and " + passes);
        }
        this.records = records;
        this.passes = passes;
    }

    List<DecodeTiming> run() {
        SchemaLookup inMemory = schemaId -> InferenceLog.getClassSchema();
        InferenceMapping mapping = InferenceMapping.canonical();
        List<DecodeTiming> timings = new ArrayList<>();
        timings.add(measure(InputFormat.AVRO_REGISTRY, new ConfluentAvroDecoder<>(inMemory, mapping, DecodeLimits.DEFAULT),
                baseline(InputFormat.AVRO_REGISTRY)));
        timings.add(measure(InputFormat.AVRO_SINGLE, new SingleObjectAvroDecoder<>(LocalSchemaStore.ownSchemas(), mapping,
                DecodeLimits.DEFAULT), baseline(InputFormat.AVRO_SINGLE)));
        timings.add(measure(InputFormat.JSON, new JsonDecoder<>(mapping, DecodeLimits.DEFAULT), baseline(InputFormat.JSON)));
        return timings;
    }

    private record Baseline(Pass pass, String description) {
    }

    private static Baseline baseline(InputFormat format) {
        PlainDecoder plain = new PlainDecoder(format);
        return new Baseline(payloads -> {
            long checksum = 0;
            for (byte[] payload : payloads) {
                checksum += plain.decode(payload);
            }
            return checksum;
        }, plain.description());
    }

    private DecodeTiming measure(InputFormat format, RecordDecoder<InferenceLog> decoder, Baseline plain) {
        Pass baseline = plain.pass();
        byte[][] payloads = encode(format);
        Pass driftwatch = driftwatch(decoder);
        long expected = driftwatch.run(payloads);
        if (baseline.run(payloads) != expected) {
            throw new IllegalStateException("driftwatch and the baseline read different " + format.label() + " records");
        }
        long bestDriftwatchNanos = Long.MAX_VALUE;
        long bestBaselineNanos = Long.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            bestDriftwatchNanos = Math.min(bestDriftwatchNanos, time(driftwatch, payloads, expected));
            bestBaselineNanos = Math.min(bestBaselineNanos, time(baseline, payloads, expected));
        }
        long bytes = 0;
        for (byte[] payload : payloads) {
            bytes += payload.length;
        }
        return new DecodeTiming(format.label(), plain.description(), (double) bytes / records,
                records / (bestDriftwatchNanos / 1e9), records / (bestBaselineNanos / 1e9));
    }

    private static long time(Pass pass, byte[][] payloads, long expected) {
        // Start each pass with a clean heap, so one side does not pay for collecting the other's garbage.
        System.gc();
        long start = System.nanoTime();
        long checksum = pass.run(payloads);
        long elapsed = System.nanoTime() - start;
        if (checksum != expected) {
            throw new IllegalStateException("a decode pass read different records than the first");
        }
        return Math.max(1, elapsed);
    }

    private byte[][] encode(InputFormat format) {
        byte[][] payloads = new byte[records][];
        for (int i = 0; i < records; i++) {
            payloads[i] = BenchInferences.encode(BenchInferences.record(i), format, SCHEMA_ID);
        }
        return payloads;
    }

    private static Pass driftwatch(RecordDecoder<InferenceLog> decoder) {
        return payloads -> {
            long checksum = 0;
            for (byte[] payload : payloads) {
                DecodeResult<InferenceLog> result = decoder.decode(TOPIC, payload);
                if (!(result instanceof DecodeResult.Decoded<InferenceLog> decoded)) {
                    throw new IllegalStateException("driftwatch failed to decode a benchmark record: "
                            + ((DecodeResult.Failed<InferenceLog>) result).reason());
                }
                checksum += PlainDecoder.checksum(decoded.value());
            }
            return checksum;
        };
    }

}
