package io.driftwatch.tools.demo;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One record of the replayed traffic, already encoded as its topic expects; {@code eventTime} is also its Kafka
 * timestamp, so Kafka Streams reads the two input topics in event-time order.
 */
@SuppressWarnings("ArrayRecordComponent") // a record to send, never compared, hashed or printed
record DemoRecord(String topic, String key, Instant eventTime, byte[] value) {
    DemoRecord {
        requireNonNull(topic, "topic");
        requireNonNull(key, "key");
        requireNonNull(eventTime, "eventTime");
        requireNonNull(value, "value");
    }
}
