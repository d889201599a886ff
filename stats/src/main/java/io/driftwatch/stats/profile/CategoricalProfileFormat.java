package io.driftwatch.stats.profile;

import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.memory.Memory;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** Writes and reads the body of a categorical profile, format version 1; the layout is in {@link ProfileCodec}. */
final class CategoricalProfileFormat {
    private static final int FLAG_EXACT_COUNTS = 1;
    private static final int FIXED_BYTES = ProfileCodec.HEADER_BYTES + Integer.BYTES + 2 + 3 * Long.BYTES;
    private static final ArrayOfStringsSerDe STRINGS = new ArrayOfStringsSerDe();

    private CategoricalProfileFormat() {
    }

    static byte[] write(CategoricalProfile profile) {
        Map<String, Long> exactCounts = profile.rawExactCounts();
        List<byte[]> names = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        byte[] frequentItems = new byte[0];
        int bodyBytes;
        if (exactCounts != null) {
            new TreeMap<>(exactCounts).forEach((category, n) -> {
                names.add(category.getBytes(StandardCharsets.UTF_8));
                counts.add(n);
            });
            bodyBytes = Integer.BYTES + names.stream().mapToInt(name -> Integer.BYTES + name.length + Long.BYTES).sum();
        } else {
            frequentItems = requireNonNull(profile.rawFrequentItems()).toByteArray(STRINGS);
            bodyBytes = Integer.BYTES + frequentItems.length;
        }
        byte[] hll = profile.distinctSketch().toCompactByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(FIXED_BYTES + bodyBytes + Integer.BYTES + hll.length);
        buffer.put((byte) ProfileCodec.FORMAT_VERSION)
                .put((byte) ProfileCodec.KIND_CATEGORICAL)
                .put((byte) (exactCounts != null ? FLAG_EXACT_COUNTS : 0))
                .putInt(profile.config().maxExactCategories())
                .put((byte) profile.config().frequentItemsLgMaxMapSize())
                .put((byte) profile.config().hllLgK())
                .putLong(profile.count())
                .putLong(profile.nullCount())
                .putLong(profile.wrongTypeCount());
        if (exactCounts != null) {
            buffer.putInt(names.size());
            for (int i = 0; i < names.size(); i++) {
                buffer.putInt(names.get(i).length).put(names.get(i)).putLong(counts.get(i));
            }
        } else {
            buffer.putInt(frequentItems.length).put(frequentItems);
        }
        buffer.putInt(hll.length).put(hll);
        return buffer.array();
    }

    static CategoricalProfile read(ProfileReader reader) {
        int flags = reader.readUnsignedByte("flags");
        if ((flags & ~FLAG_EXACT_COUNTS) != 0) {
            throw reader.corrupt("unknown categorical flags 0x" + Integer.toHexString(flags));
        }
        CategoricalProfileConfig config = readConfig(reader);
        long count = reader.readCount("count");
        MissingCounts missing = new MissingCounts(reader.readCount("nullCount"), 0, reader.readCount("wrongTypeCount"));
        CategoryTally tally = (flags & FLAG_EXACT_COUNTS) != 0
                ? CategoryTally.exact(config, readExactCounts(reader, config, count))
                : CategoryTally.sketched(config, readFrequentItems(reader, count));
        HllSketch distinct = readSketch(reader, "HLL sketch", HllSketch::heapify);
        if (distinct.getLgConfigK() != config.hllLgK()) {
            throw reader.corrupt("the HLL sketch has lgK " + distinct.getLgConfigK() + " but the profile is"
                    + " configured with " + config.hllLgK());
        }
        reader.requireEnd();
        return CategoricalProfile.restore(config, count, missing, tally, distinct);
    }

    private static CategoricalProfileConfig readConfig(ProfileReader reader) {
        int maxExactCategories = reader.readInt("maxExactCategories");
        int lgMaxMapSize = reader.readUnsignedByte("frequentItemsLgMaxMapSize");
        int hllLgK = reader.readUnsignedByte("hllLgK");
        try {
            return new CategoricalProfileConfig(maxExactCategories, lgMaxMapSize, hllLgK);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("corrupt categorical profile configuration: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> readExactCounts(ProfileReader reader, CategoricalProfileConfig config, long count) {
        int categories = reader.readInt("category count");
        if (categories < 0 || categories > config.maxExactCategories()) {
            throw reader.corrupt("category count " + categories + " is outside [0, maxExactCategories = "
                    + config.maxExactCategories() + "]");
        }
        Map<String, Long> counts = new HashMap<>();
        String previous = null;
        long total = 0;
        for (int i = 0; i < categories; i++) {
            String category = reader.readString("category " + i);
            if (previous != null && previous.compareTo(category) >= 0) {
                throw reader.corrupt("category " + i + " is out of order or repeated after '" + previous + "'");
            }
            long n = reader.readLong("count of category " + i);
            if (n < 1) {
                throw reader.corrupt("count of category '" + category + "' is " + n + ", must be at least 1");
            }
            counts.put(category, n);
            total += n;
            previous = category;
        }
        if (total != count) {
            throw reader.corrupt("category counts add up to " + total + " but the profile counts " + count);
        }
        return counts;
    }

    private static ItemsSketch<String> readFrequentItems(ProfileReader reader, long count) {
        ItemsSketch<String> sketch = readSketch(reader, "frequent-items sketch",
                memory -> ItemsSketch.getInstance(memory, STRINGS));
        if (sketch.getStreamLength() != count) {
            throw reader.corrupt("the frequent-items sketch holds " + sketch.getStreamLength()
                    + " values but the profile counts " + count);
        }
        return sketch;
    }

    private static <S> S readSketch(ProfileReader reader, String field, Function<Memory, @Nullable S> parser) {
        int start = reader.offset();
        byte[] bytes = reader.readBlock(field);
        S sketch;
        try {
            sketch = parser.apply(Memory.wrap(bytes));
        } catch (RuntimeException e) {
            // DataSketches reports corrupt bytes with several exception types; all mean the same here.
            throw new ProfileFormatException("corrupt profile: the " + field + " at byte offset " + start
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (sketch == null) {
            throw new ProfileFormatException("corrupt profile: the " + field + " at byte offset " + start + " is empty");
        }
        return sketch;
    }
}
