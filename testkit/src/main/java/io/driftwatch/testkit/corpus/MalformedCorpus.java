package io.driftwatch.testkit.corpus;

import io.driftwatch.schemas.format.ConfluentAvroDecoder;
import io.driftwatch.schemas.format.CorpusSchemas;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.format.SingleObjectAvroDecoder;
import io.driftwatch.schemas.mapping.MappingProperties;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.registry.SchemaLookup;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The catalogue of malformed inputs that driftwatch must dead-letter, with good records among them: a
 * deterministic mix in all three input formats of truncations at every length of valid records, wrong magic
 * bytes, unknown schema ids and fingerprints, corrupted lengths, union indexes and item counts, trailing bytes,
 * random bytes, wrong types, missing fields, huge strings, deep nesting, too many features and records over the
 * size limit. Every case says what decoding must give: the exact record, or a failure (with its code where the
 * corruption determines it).
 *
 * <p>It is main code, not test code, because two kinds of users need the same records: the decoder and ingest
 * tests, which prove each kind once, and {@code driftwatch chaos}, which floods a running service with them at
 * volume from the shipped jar. A new way to break a record belongs here, so both see it.
 *
 * <p>Decode each case with the decoder of its format built from {@link #LIMITS}, {@link #schemasById()}
 * (Confluent, served by a registry under exactly these ids), {@link #singleObjectSchemas()} and
 * {@link #mappingProperties(Format)}, or simply {@link #decoder(Format, SchemaLookup)}; pass {@link #RECORD_TIME}
 * as the record timestamp. The same seed always gives the same cases, byte for byte.
 */
public final class MalformedCorpus {

    /** Small limits, so that over-limit records stay small. */
    public static final DecodeLimits LIMITS = new DecodeLimits(64 * 1024, 1024, 100, 1000, 16);
    public static final Instant RECORD_TIME = Instant.parse("2024-05-01T00:00:00Z");

    /** The wire formats the corpus covers. */
    public enum Format { CONFLUENT_AVRO, SINGLE_OBJECT_AVRO, JSON }

    /**
     * One record value and what decoding it must give.
     *
     * @param category     the kind of case, e.g. {@code truncated}, {@code good}
     * @param expected     the record a good case decodes to; null for a malformed one
     * @param expectedCode the failure code when the corruption determines it; null when only "some failure"
     */
    @SuppressWarnings("ArrayRecordComponent") // tests decode the value and assert on the result, never on a Case's equality
    public record Case(Format format, String category, String description, byte @Nullable [] value,
                       @Nullable InferenceLog expected, @Nullable DeadLetterReason expectedCode) {
        public boolean isGood() {
            return expected != null;
        }

        @Override
        public String toString() {
            return format + " " + category + ": " + description;
        }
    }

    private MalformedCorpus() {
    }

    /** All cases of all formats, good and malformed mixed, in a seeded random order. */
    public static List<Case> generate(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        cases.addAll(new AvroCorpus(Format.CONFLUENT_AVRO, random).cases());
        cases.addAll(new AvroCorpus(Format.SINGLE_OBJECT_AVRO, random).cases());
        cases.addAll(new JsonCorpus(random).cases());
        Collections.shuffle(cases, random);
        return cases;
    }

    /** The registry the Confluent cases were framed against. */
    public static Map<Integer, Schema> schemasById() {
        return CorpusSchemas.BY_ID;
    }

    /** The writer schemas the single-object cases were written with (and no others). */
    public static SchemaStore singleObjectSchemas() {
        SchemaStore.Cache store = new SchemaStore.Cache();
        CorpusSchemas.BY_ID.values().forEach(store::addSchema);
        return store;
    }

    /**
     * The mapping properties the expectations assume: the flat-record mapping for the Avro formats (records
     * in driftwatch's own schema bypass it), driftwatch's own names for JSON; age is declared a number.
     */
    public static Map<String, String> mappingProperties(Format format) {
        return format == Format.JSON ? Map.of(MappingProperties.INFERENCE_PREFIX + "feature.type.age", "number")
                : CorpusSchemas.FLAT_MAPPING;
    }

    /** A decoder of {@code format} with the corpus's limits and mapping; {@code lookup} serves {@link #schemasById()}. */
    public static RecordDecoder<InferenceLog> decoder(Format format, SchemaLookup lookup) {
        var mapping = MappingProperties.inference(mappingProperties(format));
        return switch (format) {
            case CONFLUENT_AVRO -> new ConfluentAvroDecoder<>(lookup, mapping, LIMITS);
            case SINGLE_OBJECT_AVRO -> new SingleObjectAvroDecoder<>(singleObjectSchemas(), mapping, LIMITS);
            case JSON -> new JsonDecoder<>(mapping, LIMITS);
        };
    }
}
