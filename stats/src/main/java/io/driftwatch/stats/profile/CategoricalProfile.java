package io.driftwatch.stats.profile;

import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.CategoryLabel;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the drift tests need from one categorical column, in a form that merges: counts of valid and
 * missing values; exact counts per category while there are at most
 * {@link CategoricalProfileConfig#maxExactCategories()} distinct ones, then a DataSketches frequent-items
 * sketch whose bounds ({@link #frequency(String)}) hold with certainty, its error at most
 * {@link #maximumError()}; and an HLL sketch of the distinct count.
 *
 * <p>Merge guarantee: while the merged profile stays exact, its counts equal those of the concatenated
 * data exactly; after the switch the frequent-items bounds still hold for the merged stream. The HLL
 * estimate of a merge may differ slightly from that of the concatenation (a merged HLL uses the
 * out-of-order estimator, relative standard error 1.62% instead of 1.30% at the default lgK 12).
 *
 * <p>Mutable and not thread-safe, like the sketches it holds.
 */
public final class CategoricalProfile implements ColumnProfile {
    // HLL ignores an empty string; a stand-in lets the empty category still count as one distinct value.
    static final String EMPTY_CATEGORY_KEY = "\u0000empty-category";
    private static final TgtHllType HLL_TYPE = TgtHllType.HLL_4;

    private final CategoricalProfileConfig config;
    private long count;
    private long nullCount;
    private long wrongTypeCount;
    private final CategoryTally tally;
    private HllSketch distinct;

    private CategoricalProfile(CategoricalProfileConfig config, CategoryTally tally, HllSketch distinct) {
        this.config = config;
        this.tally = tally;
        this.distinct = distinct;
    }

    public static CategoricalProfile create(CategoricalProfileConfig config) {
        requireNonNull(config, "config");
        return new CategoricalProfile(config, CategoryTally.exact(config, Map.of()),
                new HllSketch(config.hllLgK(), HLL_TYPE));
    }

    /** The profile of {@code categories}. */
    public static CategoricalProfile of(CategoricalProfileConfig config, Iterable<String> categories) {
        CategoricalProfile profile = create(config);
        for (String category : requireNonNull(categories, "categories")) {
            profile.update(category);
        }
        return profile;
    }

    /** Rebuilds a profile from its decoded parts; {@link ProfileCodec} has checked their consistency. */
    static CategoricalProfile restore(CategoricalProfileConfig config, long count, MissingCounts missing,
                                      CategoryTally tally, HllSketch distinct) {
        CategoricalProfile profile = new CategoricalProfile(config, tally, distinct);
        profile.count = count;
        profile.nullCount = missing.nullCount();
        profile.wrongTypeCount = missing.wrongTypeCount();
        return profile;
    }

    /** Counts {@code category}, spelled as {@link CategoryLabel} spells it. */
    public void update(String value) {
        String category = CategoryLabel.of(requireNonNull(value, "category (use updateNull() for a missing value)"));
        count++;
        // A category the exact counts already held is in the HLL sketch too, and HLL ignores a repeated item.
        if (tally.update(category)) {
            distinct.update(category.isEmpty() ? EMPTY_CATEGORY_KEY : category);
        }
    }

    public void updateNull() {
        nullCount++;
    }

    public void updateWrongType() {
        wrongTypeCount++;
    }

    /**
     * Adds {@code other}'s data to this profile; {@code other} is unchanged.
     *
     * @throws IllegalArgumentException if the two profiles were configured differently
     */
    public void merge(CategoricalProfile other) {
        requireNonNull(other, "other");
        if (other == this) {
            other = copy();
        }
        if (!config.equals(other.config)) {
            throw new IllegalArgumentException("cannot merge categorical profiles configured differently: "
                    + config + " and " + other.config + "; rebuild one of them with the other's configuration");
        }
        count += other.count;
        nullCount += other.nullCount;
        wrongTypeCount += other.wrongTypeCount;
        Union union = new Union(config.hllLgK());
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult(HLL_TYPE);
        tally.merge(other.tally);
    }

    /** An independent copy, for merging without touching the original. */
    public CategoricalProfile copy() {
        CategoricalProfile copy = create(config);
        copy.merge(this);
        return copy;
    }

    public CategoricalProfileConfig config() {
        return config;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long nullCount() {
        return nullCount;
    }

    @Override
    public long wrongTypeCount() {
        return wrongTypeCount;
    }

    /** Whether every category is counted exactly (no more than {@code maxExactCategories} were seen). */
    public boolean isExact() {
        return tally.exactCounts() != null;
    }

    /** The exact counts while the profile is exact; empty after the switch to the frequent-items sketch. */
    public Optional<CategoryCounts> exactCounts() {
        Map<String, Long> exact = tally.exactCounts();
        return exact == null ? Optional.empty() : Optional.of(CategoryCounts.of(exact));
    }

    /**
     * The most any count may be off: 0 while exact, else the frequent-items sketch's
     * {@code getMaximumError()}. A category the profile does not list occurred at most this often.
     */
    public long maximumError() {
        return tally.maximumError();
    }

    /** The bounds on how often {@code category} occurred; [0, maximumError()] for a category not tracked. */
    public CategoryFrequency frequency(String category) {
        return tally.frequency(requireNonNull(category, "category"));
    }

    /** Every category the profile tracks, in category order, with its count bounds. */
    public List<CategoryFrequency> frequencies() {
        return tally.frequencies();
    }

    /** Number of distinct categories: exact while exact, else the HLL estimate. */
    public double distinctCountEstimate() {
        Map<String, Long> exact = tally.exactCounts();
        return exact != null ? exact.size() : distinct.getEstimate();
    }

    /**
     * The number of distinct categories seen by this profile or {@code other}: exact when both are exact,
     * else the HLL union's estimate.
     */
    public double distinctCountEstimateWith(CategoricalProfile other) {
        requireNonNull(other, "other");
        Map<String, Long> mine = tally.exactCounts();
        Map<String, Long> theirs = other.tally.exactCounts();
        if (mine != null && theirs != null) {
            return exactUnionSize(mine, theirs);
        }
        return hllUnion(other).getEstimate();
    }

    /**
     * An upper bound on the number of distinct categories seen by this profile or {@code other}: exact when
     * both are exact, else the HLL union's bound at {@code numStdDev} (1 to 3) standard deviations.
     */
    public double distinctCountUpperBoundWith(CategoricalProfile other, int numStdDev) {
        requireNonNull(other, "other");
        Map<String, Long> mine = tally.exactCounts();
        Map<String, Long> theirs = other.tally.exactCounts();
        if (mine != null && theirs != null) {
            return exactUnionSize(mine, theirs);
        }
        return hllUnion(other).getUpperBound(numStdDev);
    }

    private static long exactUnionSize(Map<String, Long> mine, Map<String, Long> theirs) {
        long shared = mine.keySet().stream().filter(theirs::containsKey).count();
        return mine.size() + theirs.size() - shared;
    }

    private Union hllUnion(CategoricalProfile other) {
        Union union = new Union(Math.max(config.hllLgK(), other.config.hllLgK()));
        union.update(distinct);
        union.update(other.distinct);
        return union;
    }

    @Nullable Map<String, Long> rawExactCounts() {
        return tally.exactCounts();
    }

    @Nullable ItemsSketch<String> rawFrequentItems() {
        return tally.frequentItems();
    }

    HllSketch distinctSketch() {
        return distinct;
    }
}
