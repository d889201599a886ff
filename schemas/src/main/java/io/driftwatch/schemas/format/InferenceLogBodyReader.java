package io.driftwatch.schemas.format;

import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an {@link InferenceLog} written with exactly the current schema in one pass over its bytes, checking
 * as it goes what {@link AvroBodyScanner} checks (every length against the bytes left and the limits, union
 * branches, booleans, varints, no trailing bytes), and builds the record directly. It exists for speed:
 * every inference takes this path, and scanning then reading doubled the work. It gives up (null) at the
 * first thing it does not like, without saying why: the scan-then-read path then reads the same bytes and
 * produces the reasoned dead letter, so the two paths never disagree on what they accept.
 *
 * <p>Feature names repeat from record to record in the same order, so the names of the previous record are
 * kept per thread and reused when the bytes match: no new String, and a hash already computed, per feature.
 */
final class InferenceLogBodyReader {
    private static final Schema SCHEMA = InferenceLog.getClassSchema();
    /** A map is sized for its first block's items (a writer's whole map, usually), up to this many. */
    private static final int MAX_PRESIZED = 1024;
    private static final ThreadLocal<NameCache> NAMES = ThreadLocal.withInitial(NameCache::new);

    private final byte[] bytes;
    private final DecodeLimits limits;
    private final NameCache names;
    private int pos;
    private long items;
    private long blockEnd = -1;
    private boolean failed;

    private InferenceLogBodyReader(byte[] bytes, int start, DecodeLimits limits, NameCache names) {
        this.bytes = bytes;
        this.pos = start;
        this.limits = limits;
        this.names = names;
    }

    /** Whether records of this writer schema can take this path. */
    static boolean reads(Schema writer) {
        return writer.equals(SCHEMA);
    }

    /** @return the record, or null when anything about the bytes needs the checked path to explain it */
    static @Nullable InferenceLog read(byte[] bytes, int start, DecodeLimits limits) {
        if (limits.maxNestingDepth() < 2) {
            return null;
        }
        InferenceLogBodyReader reader = new InferenceLogBodyReader(bytes, start, limits, NAMES.get());
        InferenceLog log = reader.inferenceLog();
        return reader.failed || reader.pos != bytes.length ? null : log;
    }

    private @Nullable InferenceLog inferenceLog() {
        String requestId = string();
        String modelName = string();
        String modelVersion = string();
        long eventTime = varint(10);
        Map<String, @Nullable Object> features = features();
        Object prediction = switch ((int) varint(5)) {
            case 0 -> doubleValue();
            case 1 -> string();
            default -> fail();
        };
        Map<String, Double> classScores = switch ((int) varint(5)) {
            case 0 -> null;
            case 1 -> scores();
            default -> fail();
        };
        Map<String, String> segments = switch ((int) varint(5)) {
            case 0 -> null;
            case 1 -> segments();
            default -> fail();
        };
        if (failed) {
            return null;
        }
        return new InferenceLog(requestId, modelName, modelVersion, Instant.ofEpochMilli(eventTime), features, prediction,
                classScores, segments);
    }

    private Map<String, @Nullable Object> features() {
        long count = blockCount();
        Map<String, @Nullable Object> features = new HashMap<>((int) (Math.min(count, MAX_PRESIZED) * 4 / 3 + 1));
        int index = 0;
        for (; count > 0 && !failed; count = blockCount()) {
            for (long i = 0; i < count && !failed; i++) {
                String name = name(index++);
                Object value = switch ((int) varint(5)) {
                    case 0 -> null;
                    case 1 -> doubleValue();
                    case 2 -> varint(10);
                    case 3 -> string();
                    case 4 -> bool();
                    default -> fail();
                };
                features.put(name, value);
            }
        }
        return features;
    }

    private Map<String, Double> scores() {
        Map<String, Double> scores = new HashMap<>();
        for (long count = blockCount(); count > 0 && !failed; count = blockCount()) {
            for (long i = 0; i < count && !failed; i++) {
                scores.put(string(), doubleValue());
            }
        }
        return scores;
    }

    private Map<String, String> segments() {
        Map<String, String> segments = new HashMap<>();
        for (long count = blockCount(); count > 0 && !failed; count = blockCount()) {
            for (long i = 0; i < count && !failed; i++) {
                segments.put(string(), string());
            }
        }
        return segments;
    }

    /**
     * The item count of the next map block (0 at the end). A block that declares its byte size must end
     * exactly there, as the scan requires: the previous block's end is checked here too.
     */
    private long blockCount() {
        if (blockEnd >= 0 && blockEnd != pos) {
            return failLong();
        }
        blockEnd = -1;
        long count = varint(10);
        if (count < 0) {
            long blockBytes = varint(10);
            if (count == Long.MIN_VALUE || blockBytes < 0) {
                return failLong();
            }
            count = -count;
            blockEnd = pos + Math.min(blockBytes, Integer.MAX_VALUE - pos);
        }
        items += count;
        if (items > limits.maxCollectionItems()) {
            return failLong();
        }
        return count;
    }

    private String name(int index) {
        int length = length();
        if (failed) {
            return "";
        }
        String name = names.lookup(index, bytes, pos, length);
        pos += length;
        return name;
    }

    private String string() {
        int length = length();
        if (failed) {
            return "";
        }
        String text = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return text;
    }

    private int length() {
        long length = varint(10);
        if (length < 0 || length > bytes.length - pos || length > limits.maxStringBytes()) {
            return (int) failLong();
        }
        return (int) length;
    }

    private @Nullable Double doubleValue() {
        if (bytes.length - pos < 8) {
            return fail();
        }
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = (bits << 8) | (bytes[pos + i] & 0xffL);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    private @Nullable Boolean bool() {
        if (pos >= bytes.length || (bytes[pos] & 0xff) > 1) {
            return fail();
        }
        return bytes[pos++] == 1;
    }

    /** A zig-zag varint of at most {@code maxBytes} bytes, as {@link AvroBodyScanner} accepts them. */
    private long varint(int maxBytes) {
        long raw = 0;
        for (int i = 0; i < maxBytes && pos < bytes.length; i++) {
            int b = bytes[pos++] & 0xff;
            if (i == maxBytes - 1 && b > (maxBytes == 5 ? 0x0f : 0x01)) {
                break;
            }
            raw |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        return failLong();
    }

    /** Marks the read failed and moves past the end, so every later read fails too; the null is never used. */
    @SuppressWarnings("TypeParameterUnusedInFormals") // it returns only null, which every V admits: no cast is hidden
    private <V> @Nullable V fail() {
        failLong();
        return null;
    }

    private long failLong() {
        failed = true;
        pos = bytes.length + 1;
        return 0;
    }

    /** The feature names of the last record read on this thread, by position, with their UTF-8 bytes. */
    private static final class NameCache {
        private static final int MAX_NAMES = 1024;
        private byte[][] encoded = new byte[16][];
        private String[] decoded = new String[16];

        String lookup(int index, byte[] source, int offset, int length) {
            if (index < encoded.length && encoded[index] != null
                    && Arrays.equals(encoded[index], 0, encoded[index].length, source, offset, offset + length)) {
                return decoded[index];
            }
            String name = new String(source, offset, length, StandardCharsets.UTF_8);
            if (index < MAX_NAMES) {
                if (index >= encoded.length) {
                    encoded = Arrays.copyOf(encoded, Math.min(MAX_NAMES, encoded.length * 2 + index));
                    decoded = Arrays.copyOf(decoded, encoded.length);
                }
                encoded[index] = Arrays.copyOfRange(source, offset, offset + length);
                decoded[index] = name;
            }
            return name;
        }
    }
}
