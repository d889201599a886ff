package io.driftwatch.stats.multivariate;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * The byte form of a {@link ReconstructionErrors} in a window store or changelog. Layout, big-endian, 25 bytes:
 * <pre>
 * offset 0   u8   format version, 1
 * offset 1   i64  count
 * offset 9   f64  mean (NaN when count is 0)
 * offset 17  f64  M2
 * </pre>
 * A new layout takes a new version byte, and this class keeps reading the old ones.
 */
public final class ReconstructionErrorsCodec {
    /** The version this codec writes. */
    public static final byte VERSION = 1;
    private static final int SIZE_BYTES = 1 + Long.BYTES + 2 * Double.BYTES;

    private ReconstructionErrorsCodec() {
    }

    /** The bytes of {@code errors}. */
    public static byte[] encode(ReconstructionErrors errors) {
        requireNonNull(errors, "errors");
        return ByteBuffer.allocate(SIZE_BYTES).put(VERSION).putLong(errors.count()).putDouble(errors.mean())
                .putDouble(errors.m2()).array();
    }

    /**
     * The state {@code bytes} hold.
     *
     * @throws IllegalArgumentException when the version is unknown or the length is not the version's
     */
    public static ReconstructionErrors decode(byte[] bytes) {
        requireNonNull(bytes, "bytes");
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException("reconstruction-error state has version "
                    + (bytes.length == 0 ? "none (no bytes)" : Byte.toUnsignedInt(bytes[0])) + "; this reader knows " + VERSION);
        }
        if (bytes.length != SIZE_BYTES) {
            throw new IllegalArgumentException("reconstruction-error state version " + VERSION + " is " + SIZE_BYTES
                    + " bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, SIZE_BYTES - 1);
        return new ReconstructionErrors(buffer.getLong(), buffer.getDouble(), buffer.getDouble());
    }
}
