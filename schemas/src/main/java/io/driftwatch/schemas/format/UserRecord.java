package io.driftwatch.schemas.format;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A record in a user's own shape, as plain Java values, so one field mapping serves an Avro
 * {@code GenericRecord} and a JSON object alike. Values are only: {@code null}, {@link String},
 * {@link Long} (any integer), {@link Double} (any other number), {@link Boolean}, {@link Instant} (an Avro
 * timestamp), {@code byte[]} (Avro bytes or fixed), {@code List<@Nullable Object>} (an array) and
 * {@code Map<String, @Nullable Object>} (a nested record, map or object), in the record's field order.
 *
 * @param fields     top-level fields by name; a present field may hold null, an absent one is not a key
 * @param recordTime the Kafka record's timestamp, when the caller passed one
 */
public record UserRecord(Map<String, @Nullable Object> fields, @Nullable Instant recordTime) {
    public UserRecord {
        requireNonNull(fields, "fields");
        // Map.copyOf rejects null values, and a present null is meaningful (a missing feature value).
        fields = Collections.unmodifiableMap(fields);
    }
}
