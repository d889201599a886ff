package io.driftwatch.schemas.format;

import io.driftwatch.schemas.registry.RegistryUnavailableException;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Turns the bytes of one record into a typed value or a reasoned failure. Implementations are
 * thread-safe. A registry outage is not a decoding failure: it is thrown, so the caller can wait.
 *
 * @param <T> the record type produced
 */
public interface RecordDecoder<T> {

    /**
     * @param topic the topic the bytes came from (subject naming and messages use it)
     * @param bytes the record value; null is a tombstone and decodes to a failure
     * @throws RegistryUnavailableException when the schema registry cannot be reached
     */
    DecodeResult<T> decode(String topic, byte @Nullable [] bytes);

    /**
     * Like {@link #decode(String, byte[])}, with the Kafka record's timestamp at hand for mappings that
     * take the event time from it ({@code eventTime=record-timestamp}). Decoders that never need it keep
     * this default, which ignores the timestamp, so a lambda is still a decoder.
     *
     * @param recordTime the timestamp of the Kafka record the bytes came from
     * @throws RegistryUnavailableException when the schema registry cannot be reached
     */
    default DecodeResult<T> decode(String topic, byte @Nullable [] bytes, Instant recordTime) {
        return decode(topic, bytes);
    }
}
