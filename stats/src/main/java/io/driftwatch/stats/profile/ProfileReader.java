package io.driftwatch.stats.profile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of {@link ProfileCodec}'s layout in order, checking before every read that the bytes
 * are there, so that corrupt input fails with the field's name and offset instead of an index error.
 */
final class ProfileReader {
    private final ByteBuffer buffer;

    ProfileReader(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes);
    }

    int offset() {
        return buffer.position();
    }

    int readUnsignedByte(String field) {
        require(1, field);
        return Byte.toUnsignedInt(buffer.get());
    }

    int readInt(String field) {
        require(Integer.BYTES, field);
        return buffer.getInt();
    }

    long readLong(String field) {
        require(Long.BYTES, field);
        return buffer.getLong();
    }

    double readDouble(String field) {
        require(Double.BYTES, field);
        return buffer.getDouble();
    }

    long readCount(String field) {
        long count = readLong(field);
        if (count < 0) {
            throw corrupt(field + " is negative (" + count + ")");
        }
        return count;
    }

    /** A length-prefixed block: a non-negative int length, then that many bytes. */
    byte[] readBlock(String field) {
        int length = readInt(field + " length");
        if (length < 0) {
            throw corrupt(field + " length is negative (" + length + ")");
        }
        require(length, field);
        byte[] block = new byte[length];
        buffer.get(block);
        return block;
    }

    String readString(String field) {
        byte[] utf8 = readBlock(field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new ProfileFormatException(field + " ending before offset " + offset() + " is not valid UTF-8", e);
        }
    }

    /** The input must end here: trailing bytes mean a mis-framed record. */
    void requireEnd() {
        if (buffer.hasRemaining()) {
            throw corrupt(buffer.remaining() + " unexpected trailing bytes after the profile");
        }
    }

    ProfileFormatException corrupt(String problem) {
        return new ProfileFormatException("corrupt profile at byte offset " + offset() + ": " + problem);
    }

    private void require(int length, String field) {
        if (buffer.remaining() < length) {
            throw new ProfileFormatException("truncated profile: " + field + " needs " + length + " bytes at offset "
                    + buffer.position() + " but only " + buffer.remaining() + " remain (total " + buffer.limit()
                    + " bytes)");
        }
    }
}
