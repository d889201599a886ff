package io.driftwatch.schemas.wire;

import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Writes and reads the 5-byte header of the Confluent wire format. This class is the only place that knows
 * the layout:
 * <pre>
 * byte 0     magic byte, always 0x00
 * bytes 1-4  schema id, signed 32-bit big-endian
 * bytes 5-   payload (Avro binary encoding of one datum)
 * </pre>
 * A failure to unframe names what was found, so a person can tell a truncated record from a topic that
 * carries another format: JSON starts with <code>'&#123;'</code> and Avro single-object encoding with
 * {@code C3 01}, and both are recognised by name.
 */
public final class ConfluentFraming {
    /** The only magic byte the Confluent wire format has defined. */
    public static final byte MAGIC_BYTE = 0x00;
    /** Bytes before the payload: magic byte and schema id. */
    public static final int HEADER_BYTES = 5;

    private static final byte SINGLE_OBJECT_MARKER_0 = (byte) 0xC3;
    private static final byte SINGLE_OBJECT_MARKER_1 = 0x01;

    private ConfluentFraming() {
    }

    /**
     * @return a new array: header for {@code schemaId} followed by a copy of {@code payload}
     * @throws IllegalArgumentException when {@code schemaId} is negative (no registry hands those out)
     */
    public static byte[] frame(int schemaId, byte[] payload) {
        requireNonNull(payload, "payload");
        if (schemaId < 0)
            throw new IllegalArgumentException("schemaId " + schemaId + " must not be negative: registries allocate ids from 0 up");
        return ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(payload)
                .array();
    }

    /**
     * Reads the header of a Confluent-framed value.
     *
     * @param value a record value; null is a tombstone, which carries no schema id
     * @throws WireFormatException with {@code TRUNCATED} for null, empty or short values and
     *                             {@code BAD_MAGIC_BYTE} for values that do not start with 0x00
     */
    public static ConfluentFrame unframe(byte @Nullable [] value) {
        if (value == null)
            throw new WireFormatException(DeadLetterReason.TRUNCATED,
                    "null value (a tombstone): there is no Confluent header to read a schema id from");
        if (value.length == 0)
            throw new WireFormatException(DeadLetterReason.TRUNCATED,
                    "empty value: the Confluent header needs " + HEADER_BYTES + " bytes");
        if (value[0] != MAGIC_BYTE)
            throw new WireFormatException(DeadLetterReason.BAD_MAGIC_BYTE, badMagicByte(value));
        if (value.length < HEADER_BYTES)
            throw new WireFormatException(DeadLetterReason.TRUNCATED,
                    "truncated: " + value.length + " bytes, the Confluent header needs " + HEADER_BYTES);
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        return new ConfluentFrame(schemaId, HEADER_BYTES, value.length - HEADER_BYTES);
    }

    private static String badMagicByte(byte[] value) {
        String found = "magic byte " + hex(value[0]) + ", expected " + hex(MAGIC_BYTE);
        if (value[0] == '{' || value[0] == '[')
            return found + ": the value starts with '" + (char) value[0]
                    + "', so it looks like JSON, not Confluent-framed Avro; read this topic as JSON";
        if (value[0] == SINGLE_OBJECT_MARKER_0 && value.length > 1 && value[1] == SINGLE_OBJECT_MARKER_1)
            return found + ": the value starts with C3 01, the marker of Avro single-object encoding, "
                    + "not the Confluent wire format; read this topic as single-object Avro";
        return found + ": is this JSON or single-object Avro?";
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "0x%02x", b & 0xFF);
    }
}
