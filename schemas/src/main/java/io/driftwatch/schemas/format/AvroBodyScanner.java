package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.DeadLetterReason;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks Avro binary data against its writer schema without building anything, before Avro's own reader
 * sees it. It exists because Avro trusts the lengths it reads: a garbage varint can make it allocate
 * gigabytes or run off the end with a bare {@code EOFException}. This walk checks every length against the
 * bytes actually left and against {@link DecodeLimits}, every union and enum index against its schema, and
 * that the record ends exactly at the last byte, and says where it went wrong in bytes from the start of
 * the record value (header included), so Avro afterwards only reads data known to be sound.
 *
 * <p>Work is bounded: items of all arrays and maps together are capped per record (an array of nulls takes
 * no bytes, so the byte count alone would not bound it) and so is nesting depth.
 */
final class AvroBodyScanner {
    private final byte[] bytes;
    private final DecodeLimits limits;
    private final List<String> fieldPath = new ArrayList<>();
    private int pos;
    private long items;

    private AvroBodyScanner(byte[] bytes, int start, DecodeLimits limits) {
        this.bytes = bytes;
        this.pos = start;
        this.limits = limits;
    }

    /**
     * @param start where the Avro body begins, after any header
     * @throws RecordFault when the body is not one complete, well-formed datum of {@code writer} within limits
     */
    static void scan(Schema writer, byte[] bytes, int start, DecodeLimits limits) throws RecordFault {
        AvroBodyScanner scanner = new AvroBodyScanner(bytes, start, limits);
        scanner.value(writer, 0);
        if (scanner.pos != bytes.length) {
            throw new RecordFault(DeadLetterReason.MALFORMED_AVRO, (bytes.length - scanner.pos)
                    + " trailing bytes after the Avro record, which ends at byte " + scanner.pos + " of "
                    + bytes.length + "; was it written with a different schema than its id or fingerprint names?");
        }
    }

    private void value(Schema schema, int depth) throws RecordFault {
        switch (schema.getType()) {
            case NULL -> { }
            case BOOLEAN -> bool();
            case INT -> varint(5, "an int");
            case LONG -> varint(10, "a long");
            case FLOAT -> skip(4, "a float");
            case DOUBLE -> skip(8, "a double");
            case STRING -> lengthPrefixed("string");
            case BYTES -> lengthPrefixed("bytes value");
            case FIXED -> skip(schema.getFixedSize(), "a fixed of " + schema.getFixedSize() + " bytes");
            case ENUM -> index(schema.getEnumSymbols().size(), "enum symbol", "symbols");
            case UNION -> value(schema.getTypes().get(index(schema.getTypes().size(), "union branch", "branches")),
                    depth);
            case ARRAY -> blocks(schema.getElementType(), false, nested(depth));
            case MAP -> blocks(schema.getValueType(), true, nested(depth));
            case RECORD -> record(schema, nested(depth));
        }
    }

    private void record(Schema schema, int depth) throws RecordFault {
        for (Schema.Field field : schema.getFields()) {
            fieldPath.add(field.name());
            value(field.schema(), depth);
            fieldPath.remove(fieldPath.size() - 1);
        }
    }

    private void blocks(Schema itemSchema, boolean isMap, int depth) throws RecordFault {
        while (true) {
            int at = pos;
            long count = readLong("an item count");
            if (count == 0) {
                return;
            }
            int blockEnd = -1;
            if (count < 0) {
                long blockBytes = readLong("a block size");
                if (count == Long.MIN_VALUE || blockBytes < 0) {
                    throw malformed(at, "an impossible block header (count " + count + ", size " + blockBytes + ")");
                }
                count = -count;
                blockEnd = pos + (int) Math.min(blockBytes, Integer.MAX_VALUE - pos);
            }
            items += count;
            if (items > limits.maxCollectionItems()) {
                throw new RecordFault(DeadLetterReason.TOO_LARGE, "Avro record declares more than "
                        + limits.maxCollectionItems() + " array or map items (the limit) at byte " + at + where());
            }
            for (long i = 0; i < count; i++) {
                if (isMap) {
                    lengthPrefixed("map key");
                }
                value(itemSchema, depth);
            }
            if (blockEnd >= 0 && blockEnd != pos) {
                throw malformed(at, "a block whose declared size does not match its items");
            }
        }
    }

    private int nested(int depth) throws RecordFault {
        if (depth >= limits.maxNestingDepth()) {
            throw new RecordFault(DeadLetterReason.TOO_LARGE, "Avro record nests deeper than "
                    + limits.maxNestingDepth() + " levels (the limit) at byte " + pos + where());
        }
        return depth + 1;
    }

    private void lengthPrefixed(String what) throws RecordFault {
        int at = pos;
        long length = readLong("a " + what + " length");
        if (length < 0) {
            throw malformed(at, "a negative " + what + " length (" + length + ")");
        } else if (length > bytes.length - pos) {
            throw new RecordFault(DeadLetterReason.TRUNCATED, "truncated Avro record at byte " + at + where() + ": a "
                    + what + " of " + length + " bytes, but only " + (bytes.length - pos) + " left");
        } else if (length > limits.maxStringBytes()) {
            throw new RecordFault(DeadLetterReason.TOO_LARGE, "a " + what + " of " + length + " bytes at byte " + at
                    + where() + " is longer than the limit of " + limits.maxStringBytes() + " bytes");
        }
        pos += (int) length;
    }

    private int index(int size, String what, String plural) throws RecordFault {
        int at = pos;
        long index = varint(5, "a " + what + " index");
        if (index < 0 || index >= size) {
            throw malformed(at, what + " " + index + ", but there are " + size + " " + plural);
        }
        return (int) index;
    }

    private void bool() throws RecordFault {
        skip(1, "a boolean");
        if ((bytes[pos - 1] & 0xff) > 1) {
            throw malformed(pos - 1, "a boolean byte that is neither 0 nor 1");
        }
    }

    private void skip(int length, String what) throws RecordFault {
        if (length > bytes.length - pos) {
            throw new RecordFault(DeadLetterReason.TRUNCATED, "truncated Avro record at byte " + pos + where()
                    + ": " + what + " needs " + length + " bytes, only " + (bytes.length - pos) + " left");
        }
        pos += length;
    }

    private long readLong(String what) throws RecordFault {
        return varint(10, what);
    }

    /** A zig-zag varint of at most {@code maxBytes} bytes whose value fits in 32 (5 bytes) or 64 bits. */
    private long varint(int maxBytes, String what) throws RecordFault {
        int at = pos;
        long raw = 0;
        for (int i = 0; i < maxBytes; i++) {
            if (pos >= bytes.length) {
                throw new RecordFault(DeadLetterReason.TRUNCATED, "truncated Avro record at byte " + at + where()
                        + ": " + what + " runs past the end");
            }
            int b = bytes[pos++] & 0xff;
            boolean lastByte = i == maxBytes - 1;
            if (lastByte && b > (maxBytes == 5 ? 0x0f : 0x01)) {
                break;
            }
            raw |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw malformed(at, "an invalid varint for " + what + " (too many bytes or out of range)");
    }

    private RecordFault malformed(int at, String what) {
        return new RecordFault(DeadLetterReason.MALFORMED_AVRO, "malformed Avro record at byte " + at + where() + ": "
                + what);
    }

    private String where() {
        String path = String.join(".", fieldPath);
        // A recursive schema makes long paths; the innermost fields say the most.
        String shown = path.length() <= 80 ? path : "..." + path.substring(path.length() - 77);
        return path.isEmpty() ? "" : " (field '" + shown + "')";
    }
}
