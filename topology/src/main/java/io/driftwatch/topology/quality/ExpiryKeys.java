package io.driftwatch.topology.quality;

import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keys of the expiry index: the expiry event time as 8 big-endian bytes with the sign bit flipped (so byte
 * order is time order, negative times included), then the request id in UTF-8. A range scan up to a time
 * visits exactly the entries due by then, never the whole store.
 */
final class ExpiryKeys {
    private ExpiryKeys() {
    }

    static Bytes of(long expiresAtMillis, String requestId) {
        byte[] id = requestId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(expiresAtMillis ^ Long.MIN_VALUE).put(id).array());
    }

    /** The smallest key of {@code millis}: every key of an earlier time sorts before it. */
    static Bytes upTo(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(millis ^ Long.MIN_VALUE).array());
    }

    static String requestId(Bytes key) {
        byte[] bytes = key.get();
        return new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8);
    }
}
