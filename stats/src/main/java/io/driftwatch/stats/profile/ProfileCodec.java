package io.driftwatch.stats.profile;

import static java.util.Objects.requireNonNull;

/**
 * The versioned binary form of {@link NumericProfile} and {@link CategoricalProfile}: what the state
 * stores' changelogs and the published baselines hold, so it must stay readable across releases. The
 * layout is documented here and nowhere else; {@code NumericProfileFormat} and
 * {@code CategoricalProfileFormat} implement the two bodies. A change of layout gets a new format version,
 * and the reader keeps reading every older one (a golden byte-array test pins each version).
 *
 * <p>Integers and doubles are big-endian (Java's and Kafka's order). Counts are signed 64-bit and never
 * negative. Embedded sketches are DataSketches' own serialized forms (documented in its
 * {@code PreambleUtil} classes), each preceded by its length.
 *
 * <pre>
 * Common header
 *  offset  size   field
 *  0       1      u8     format version: 1
 *  1       1      u8     profile kind: 1 numeric, 2 categorical
 *  2       1      u8     flags (per kind, below); unused bits are 0
 *
 * Numeric profile (kind 1); flag bit 0: the raw values are present
 *  3       4      int    kllK
 *  7       4      int    exactValueCap
 *  11      8      long   count of valid values
 *  19      8      long   nullCount
 *  27      8      long   nonFiniteCount
 *  35      8      long   wrongTypeCount
 *  43      8      double min (NaN when count is 0)
 *  51      8      double max (NaN when count is 0)
 *  59      1      u8     s = number of partials of the exact sum of x, or 255 if that sum overflowed
 *  60      8*s    double the partials, smallest magnitude first (255: none)
 *  ..      1      u8     q = number of partials of the exact sum of x*x, or 255
 *  ..      8*q    double the partials
 *  ..      8*n    double the n = count raw values in arrival order; only with flag bit 0
 *  ..      4      int    length of the KLL sketch
 *  ..      len    KllDoublesSketch.toByteArray(), compact form
 *
 * Categorical profile (kind 2); flag bit 0: exact counts (else a frequent-items sketch)
 *  3       4      int    maxExactCategories
 *  7       1      u8     frequentItemsLgMaxMapSize
 *  8       1      u8     hllLgK
 *  9       8      long   count of valid values
 *  17      8      long   nullCount
 *  25      8      long   wrongTypeCount
 *  33      exact counts: int c, then c times {int length, UTF-8 category, long count >= 1},
 *          categories in ascending String order;
 *          or frequent items: int length, ItemsSketch&lt;String&gt;.toByteArray(ArrayOfStringsSerDe)
 *  ..      4      int    length of the HLL sketch
 *  ..      len    HllSketch.toCompactByteArray(), HLL_4
 * </pre>
 * Nothing follows the last field. Stateless and thread-safe.
 */
public final class ProfileCodec {
    static final int FORMAT_VERSION = 1;
    static final int KIND_NUMERIC = 1;
    static final int KIND_CATEGORICAL = 2;
    static final int HEADER_BYTES = 3;

    private ProfileCodec() {
    }

    public static byte[] toBytes(ColumnProfile profile) {
        requireNonNull(profile, "profile");
        if (profile instanceof NumericProfile numeric) {
            return NumericProfileFormat.write(numeric);
        }
        return CategoricalProfileFormat.write((CategoricalProfile) profile);
    }

    /**
     * Reads a profile of either kind.
     *
     * @throws ProfileFormatException if the bytes are truncated, of an unknown version or kind, or inconsistent
     */
    public static ColumnProfile fromBytes(byte[] bytes) {
        ProfileReader reader = new ProfileReader(requireNonNull(bytes, "bytes"));
        int kind = readHeader(reader);
        return kind == KIND_NUMERIC ? NumericProfileFormat.read(reader) : CategoricalProfileFormat.read(reader);
    }

    /**
     * @throws ProfileFormatException as {@link #fromBytes(byte[])}, or if the bytes hold a categorical profile
     */
    public static NumericProfile numericFromBytes(byte[] bytes) {
        ColumnProfile profile = fromBytes(bytes);
        if (profile instanceof NumericProfile numeric) {
            return numeric;
        }
        throw new ProfileFormatException("expected a numeric profile but the bytes hold a categorical one (kind "
                + KIND_CATEGORICAL + ")");
    }

    /**
     * @throws ProfileFormatException as {@link #fromBytes(byte[])}, or if the bytes hold a numeric profile
     */
    public static CategoricalProfile categoricalFromBytes(byte[] bytes) {
        ColumnProfile profile = fromBytes(bytes);
        if (profile instanceof CategoricalProfile categorical) {
            return categorical;
        }
        throw new ProfileFormatException("expected a categorical profile but the bytes hold a numeric one (kind "
                + KIND_NUMERIC + ")");
    }

    private static int readHeader(ProfileReader reader) {
        int version = reader.readUnsignedByte("format version");
        if (version != FORMAT_VERSION) {
            throw new ProfileFormatException("profile format version " + version + " is not supported: this build"
                    + " reads version " + FORMAT_VERSION + "; was it written by a newer driftwatch?");
        }
        int kind = reader.readUnsignedByte("profile kind");
        if (kind != KIND_NUMERIC && kind != KIND_CATEGORICAL) {
            throw new ProfileFormatException("unknown profile kind " + kind + " at byte offset 1: expected "
                    + KIND_NUMERIC + " (numeric) or " + KIND_CATEGORICAL + " (categorical)");
        }
        return kind;
    }
}
