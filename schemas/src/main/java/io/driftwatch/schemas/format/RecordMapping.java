package io.driftwatch.schemas.format;

import org.apache.avro.Schema;

/**
 * What a decoder produces and how it reads a user's own record shape. The decoders parse bytes; this
 * says which of driftwatch's records comes out and where each of its fields lives in a user's record,
 * so that three wire formats share one set of field rules. Implementations (in
 * {@code io.driftwatch.schemas.mapping}) are immutable and thread-safe.
 *
 * @param <T> driftwatch's record type, {@code InferenceLog} or {@code FeedbackLabel}
 */
public interface RecordMapping<T> {

    /** Driftwatch's own schema of {@code T}: an Avro writer schema that resolves to it skips the mapping. */
    Schema ownSchema();

    /** Checks a record that arrived already in driftwatch's shape (feature count, declared feature types). */
    DecodeResult<T> checkOwn(T record, DecodeLimits limits);

    /** Reads {@code T} out of a record in the user's shape, or says which field is missing or wrong. */
    DecodeResult<T> fromUserRecord(UserRecord record, DecodeLimits limits);
}
