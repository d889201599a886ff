package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.DeadLetterReason;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static java.util.Objects.requireNonNull;

/**
 * Reads records in Avro's single-object encoding ({@code C3 01}, the writer schema's 8-byte little-endian
 * CRC-64-AVRO fingerprint, then Avro binary): what Avro's own {@code BinaryMessageEncoder} and the
 * generated {@code toByteBuffer()} write, for producers without a schema registry. Writer schemas come from
 * a {@link SchemaStore}, usually a {@link LocalSchemaStore} of {@code .avsc} files.
 *
 * <p>The 10-byte header is parsed here rather than by Avro's {@code BinaryMessageDecoder}, which decodes
 * into one fixed reader schema (a user's own record shape must come out as written, for the mapping),
 * reports neither byte positions nor trailing bytes, bounds no lengths before allocating, and names an
 * unknown fingerprint only in decimal. The Avro body is then read as {@link ConfluentAvroDecoder} reads
 * it: own-record versions resolved, other shapes mapped, plans cached per fingerprint. Never throws for a
 * bad record. Thread-safe if the store is.
 *
 * @param <T> {@code InferenceLog} or {@code FeedbackLabel}, as the mapping says
 */
public final class SingleObjectAvroDecoder<T> implements RecordDecoder<T> {
    private static final byte[] MAGIC = {(byte) 0xC3, 0x01};
    private static final int HEADER_BYTES = 10;

    private final SchemaStore schemas;
    private final RecordMapping<T> mapping;
    private final DecodeLimits limits;
    private final ConcurrentMap<Long, AvroReadPlan<T>> plansByFingerprint = new ConcurrentHashMap<>();

    public SingleObjectAvroDecoder(SchemaStore schemas, RecordMapping<T> mapping, DecodeLimits limits) {
        this.schemas = requireNonNull(schemas, "schemas");
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
        if (bytes == null) {
            return DecodeResult.failed(DeadLetterReason.TRUNCATED, "the record value is null (a tombstone); an Avro"
                    + " single-object record has at least a 10-byte header");
        } else if (bytes.length > limits.maxRecordBytes()) {
            return DecodeResult.failed(DeadLetterReason.TOO_LARGE, "the record value has " + bytes.length
                    + " bytes, more than the limit of " + limits.maxRecordBytes());
        }
        for (int i = 0; i < Math.min(2, bytes.length); i++) {
            if (bytes[i] != MAGIC[i]) {
                return DecodeResult.failed(DeadLetterReason.BAD_MAGIC_BYTE, "bad magic byte " + FormatHint.hex(bytes[i])
                        + " at byte " + i + ", expected " + FormatHint.hex(MAGIC[i]) + " (Avro single-object"
                        + " encoding starts C3 01)" + FormatHint.of(bytes));
            }
        }
        if (bytes.length < HEADER_BYTES) {
            return DecodeResult.failed(DeadLetterReason.TRUNCATED, "truncated Avro record at byte " + bytes.length
                    + ": the single-object header needs 10 bytes (C3 01 and an 8-byte schema fingerprint)");
        }
        long fingerprint = 0;
        for (int i = HEADER_BYTES - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xff);
        }
        AvroReadPlan<T> plan = plansByFingerprint.get(fingerprint);
        if (plan == null) {
            Schema writer = schemas.findByFingerprint(fingerprint);
            if (writer == null) {
                return DecodeResult.failed(DeadLetterReason.UNKNOWN_SCHEMA, "unknown schema fingerprint "
                        + hex(fingerprint) + " (CRC-64-AVRO of the writer schema); add the writer's .avsc file to the"
                        + " local schema files");
            }
            plan = plansByFingerprint.computeIfAbsent(fingerprint,
                    fp -> AvroReadPlan.forWriter(writer, "schema fingerprint " + hex(fp), mapping));
        }
        return plan.decode(bytes, HEADER_BYTES, recordTime, limits);
    }

    /** The fingerprint as 16 hex digits, as {@code Long.toHexString} of Avro's parsingFingerprint64 shows it. */
    static String hex(long fingerprint) {
        return String.format(Locale.ROOT, "%016x", fingerprint);
    }
}
