package io.driftwatch.schemas.format;

/**
 * The sizes a decoder accepts before it gives up on a record. They exist because a poison pill (random
 * bytes, a corrupted length, a runaway producer) must cost a bounded amount of memory and time: every
 * length read from the wire is checked against these and against the bytes actually present before
 * anything is allocated, so garbage becomes a {@code TOO_LARGE}, {@code TRUNCATED} or
 * {@code MALFORMED_AVRO} failure rather than an {@code OutOfMemoryError}.
 *
 * @param maxRecordBytes     largest record value read at all, checked before parsing
 * @param maxStringBytes     longest single string (or Avro bytes value); JSON counts characters
 * @param maxFeatures        most features one inference may carry (also caps class scores and segments)
 * @param maxCollectionItems most items in one Avro array or map, or one JSON array or object
 * @param maxNestingDepth    deepest nesting of records, maps, arrays and unions (JSON: objects and arrays)
 */
public record DecodeLimits(int maxRecordBytes, int maxStringBytes, int maxFeatures, int maxCollectionItems,
                           int maxNestingDepth) {

    /**
     * One MiB records (Kafka's default {@code max.message.bytes} is about that), 256 KiB strings (room for
     * a logged prompt), 10,000 features, 100,000 collection items and 64 levels of nesting.
     */
    public static final DecodeLimits DEFAULT = new DecodeLimits(1 << 20, 256 << 10, 10_000, 100_000, 64);

    public DecodeLimits {
        requirePositive("maxRecordBytes", maxRecordBytes);
        requirePositive("maxStringBytes", maxStringBytes);
        requirePositive("maxFeatures", maxFeatures);
        requirePositive("maxCollectionItems", maxCollectionItems);
        requirePositive("maxNestingDepth", maxNestingDepth);
    }

    public DecodeLimits withMaxRecordBytes(int bytes) {
        return new DecodeLimits(bytes, maxStringBytes, maxFeatures, maxCollectionItems, maxNestingDepth);
    }

    public DecodeLimits withMaxStringBytes(int bytes) {
        return new DecodeLimits(maxRecordBytes, bytes, maxFeatures, maxCollectionItems, maxNestingDepth);
    }

    public DecodeLimits withMaxFeatures(int features) {
        return new DecodeLimits(maxRecordBytes, maxStringBytes, features, maxCollectionItems, maxNestingDepth);
    }

    public DecodeLimits withMaxCollectionItems(int items) {
        return new DecodeLimits(maxRecordBytes, maxStringBytes, maxFeatures, items, maxNestingDepth);
    }

    public DecodeLimits withMaxNestingDepth(int depth) {
        return new DecodeLimits(maxRecordBytes, maxStringBytes, maxFeatures, maxCollectionItems, depth);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
