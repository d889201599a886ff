package io.driftwatch.topology.quality;

import io.driftwatch.topology.state.BytesCodec;

import java.nio.ByteBuffer;

/** Bytes of an event time in ms: u8 format version (1), i64. */
final class MillisCodec implements BytesCodec<Long> {
    static final MillisCodec INSTANCE = new MillisCodec();

    @Override
    public byte[] toBytes(Long millis) {
        return ByteBuffer.allocate(9).put((byte) 1).putLong(millis).array();
    }

    @Override
    public Long fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != 1) {
            throw new IllegalStateException("event time format " + bytes[0] + " is not supported by this build");
        }
        return buffer.getLong();
    }
}
