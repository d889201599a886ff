package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.registry.SchemaLookup;
import io.driftwatch.schemas.registry.UnknownSchemaException;
import io.driftwatch.schemas.wire.ConfluentFrame;
import io.driftwatch.schemas.wire.ConfluentFraming;
import io.driftwatch.schemas.wire.WireFormatException;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * Reads records in the Confluent wire format (magic byte 0, a 4-byte big-endian schema id, then Avro
 * binary), the format of every Confluent, Apicurio-ccompat, Karapace and Redpanda Avro serializer. The
 * writer schema comes from a {@link SchemaLookup}; a version of driftwatch's own record is resolved to the
 * current one, any other record shape goes through the {@link RecordMapping}. The read plan of each schema
 * id is built once and cached (ids are immutable); unknown ids are not cached, the lookup decides that.
 *
 * <p>Every bad record becomes a {@link DecodeResult.Failed} with a reason, never an exception; a registry
 * that cannot answer is not a bad record, so the lookup's
 * {@link io.driftwatch.schemas.registry.RegistryUnavailableException} propagates. Thread-safe.
 *
 * @param <T> {@code InferenceLog} or {@code FeedbackLabel}, as the mapping says
 */
public final class ConfluentAvroDecoder<T> implements RecordDecoder<T> {

    private final SchemaLookup lookup;
    private final RecordMapping<T> mapping;
    private final DecodeLimits limits;
    private final ConcurrentMap<Integer, AvroReadPlan<T>> plansBySchemaId = new ConcurrentHashMap<>();

    public ConfluentAvroDecoder(SchemaLookup lookup, RecordMapping<T> mapping, DecodeLimits limits) {
        this.lookup = requireNonNull(lookup, "lookup");
        this.mapping = requireNonNull(mapping, "mapping");
        this.limits = requireNonNull(limits, "limits");
    }

    @Override
    public DecodeResult<T> decode(String topic, byte @Nullable [] bytes) {
        requireNonNull(topic, "topic");
        return read(bytes, null);
    }

    @Override
    public DecodeResult<T> decode(String topic, byte @Nullable [] bytes, Instant recordTime) {
        requireNonNull(topic, "topic");
        return read(bytes, requireNonNull(recordTime, "recordTime"));
    }

    private DecodeResult<T> read(byte @Nullable [] bytes, @Nullable Instant recordTime) {
        if (bytes != null && bytes.length > limits.maxRecordBytes()) {
            return DecodeResult.failed(DeadLetterReason.TOO_LARGE, "the record value has " + bytes.length
                    + " bytes, more than the limit of " + limits.maxRecordBytes());
        }
        ConfluentFrame frame;
        byte[] framed;
        try {
            frame = ConfluentFraming.unframe(bytes);
            framed = requireNonNull(bytes, "unframe rejects a null value");
        } catch (WireFormatException e) {
            return DecodeResult.failed(e.reasonCode(), requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
        int schemaId = frame.schemaId();
        AvroReadPlan<T> plan = plansBySchemaId.get(schemaId);
        if (plan == null) {
            if (schemaId < 0) {
                return unknown(schemaId, "no registry hands out negative ids", "bytes 1 to 4 are not a schema id");
            }
            Schema writer;
            try {
                writer = lookup.schemaById(schemaId);
            } catch (UnknownSchemaException e) {
                return unknown(schemaId, "registry answered 404", "is the producer using the same schema registry?");
            }
            plan = plansBySchemaId.computeIfAbsent(schemaId,
                    id -> AvroReadPlan.forWriter(writer, "schema id " + id, mapping));
        }
        return plan.decode(framed, frame.payloadOffset(), recordTime, limits);
    }

    private static <T> DecodeResult<T> unknown(int schemaId, String detail, String advice) {
        return DecodeResult.failed(DeadLetterReason.UNKNOWN_SCHEMA, "unknown schema id " + schemaId + " (" + detail
                + "); " + advice);
    }
}
