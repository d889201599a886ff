package io.driftwatch.topology.policy;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * A policy in the store of accepted policies: its text, and when it was published (its record's timestamp), from
 * which every input partition computes the same window boundary for a change of window shape.
 */
record AcceptedPolicy(String text, long publishedMillis) {
    AcceptedPolicy {
        requireNonNull(text, "text");
    }

    /** Bytes: int64 publication time, then the text in UTF-8. The store is in memory and rebuilt at every start. */
    static final Serde<AcceptedPolicy> SERDE = new Serde<>() {
        @Override
        public Serializer<AcceptedPolicy> serializer() {
            return (topic, policy) -> {
                if (policy == null) {
                    return null;
                }
                byte[] text = policy.text().getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(Long.BYTES + text.length).putLong(policy.publishedMillis()).put(text).array();
            };
        }

        @Override
        public Deserializer<AcceptedPolicy> deserializer() {
            return (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                if (bytes.length < Long.BYTES) {
                    throw new SerializationException("an accepted policy holds at least its publication time");
                }
                return new AcceptedPolicy(new String(bytes, Long.BYTES, bytes.length - Long.BYTES, StandardCharsets.UTF_8),
                        ByteBuffer.wrap(bytes).getLong());
            };
        }
    };
}
