package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How to read Avro bodies written with one writer schema, decided once per schema id or fingerprint and
 * cached, because the choice and Avro's resolver are costly and a writer schema never changes. A writer
 * that is a version of driftwatch's own record (same full name) is resolved to the current version by
 * Avro's schema resolution, so added and removed fields with defaults just work; any other record is read
 * as the writer wrote it and handed to the field mapping; the rest is refused with the reason.
 * Thread-safe: Avro's datum readers keep per-thread resolver state.
 */
sealed interface AvroReadPlan<T> {

    /**
     * @param offset where the Avro body starts, after the format's header
     */
    DecodeResult<T> decode(byte[] bytes, int offset, @Nullable Instant recordTime, DecodeLimits limits);

    /** @param writerName how messages name the writer schema, e.g. {@code schema id 42} */
    static <T> AvroReadPlan<T> forWriter(Schema writer, String writerName, RecordMapping<T> mapping) {
        Schema own = mapping.ownSchema();
        if (writer.getType() != Schema.Type.RECORD) {
            return new Refused<>(writerName + " is " + writer.getType().getName() + ", not a record; driftwatch reads"
                    + " " + own.getName() + " from Avro records");
        }
        if (!writer.getFullName().equals(own.getFullName())) {
            return new Mapped<>(writer, new GenericDatumReader<>(writer, writer, GenericData.get()), mapping);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(own, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return new Refused<>(writerName + " is a version of driftwatch's " + own.getName() + " that the current"
                    + " version cannot read (" + compatibility.getResult().getIncompatibilities().stream().limit(3)
                    .map(i -> i.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + i.getMessage()
                            + " at " + i.getLocation()).collect(Collectors.joining("; "))
                    + "); new fields need defaults");
        }
        return new Resolving<>(writer, new SpecificDatumReader<>(writer, own), mapping,
                InferenceLogBodyReader.reads(writer) && own.equals(InferenceLog.getClassSchema()));
    }

    /**
     * A version of driftwatch's own record, resolved to the current one.
     *
     * @param onePass whether the writer is the current {@link InferenceLog}, which {@link InferenceLogBodyReader}
     *                reads in one pass; what it gives up on takes the checked path
     */
    record Resolving<T>(Schema writer, DatumReader<T> reader, RecordMapping<T> mapping, boolean onePass) implements AvroReadPlan<T> {
        @Override
        @SuppressWarnings("unchecked")
        public DecodeResult<T> decode(byte[] bytes, int offset, @Nullable Instant recordTime, DecodeLimits limits) {
            if (onePass) {
                InferenceLog log = InferenceLogBodyReader.read(bytes, offset, limits);
                if (log != null) {
                    return mapping.checkOwn((T) log, limits);
                }
            }
            T record;
            try {
                AvroBodyScanner.scan(writer, bytes, offset, limits);
                record = reader.read(null, decoder(bytes, offset));
            } catch (RecordFault fault) {
                return fault.toResult();
            } catch (IOException | RuntimeException e) {
                return avroFailed(e);
            }
            return mapping.checkOwn(record, limits);
        }
    }

    /** A user's own record shape, handed to the field mapping. */
    record Mapped<T>(Schema writer, DatumReader<Object> reader, RecordMapping<T> mapping) implements AvroReadPlan<T> {
        @Override
        public DecodeResult<T> decode(byte[] bytes, int offset, @Nullable Instant recordTime, DecodeLimits limits) {
            Object record;
            try {
                AvroBodyScanner.scan(writer, bytes, offset, limits);
                record = reader.read(null, decoder(bytes, offset));
            } catch (RecordFault fault) {
                return fault.toResult();
            } catch (IOException | RuntimeException e) {
                return avroFailed(e);
            }
            return mapping.fromUserRecord(AvroPlainValues.of((GenericRecord) record, recordTime), limits);
        }
    }

    /** A writer schema driftwatch cannot read, with the reason. */
    record Refused<T>(String reason) implements AvroReadPlan<T> {
        @Override
        public DecodeResult<T> decode(byte[] bytes, int offset, @Nullable Instant recordTime, DecodeLimits limits) {
            return DecodeResult.failed(DeadLetterReason.INCOMPATIBLE_SCHEMA, reason);
        }
    }

    private static BinaryDecoder decoder(byte[] bytes, int offset) {
        return DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
    }

    // The scan has already checked every length and index, so this is a last line of defence, not a path
    // garbage is expected to take.
    private static <T> DecodeResult<T> avroFailed(Exception e) {
        return DecodeResult.failed(DeadLetterReason.MALFORMED_AVRO, "Avro could not read the record: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
