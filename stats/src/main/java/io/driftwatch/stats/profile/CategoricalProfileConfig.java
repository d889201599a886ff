package io.driftwatch.stats.profile;

import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * How much a {@link CategoricalProfile} keeps. Two profiles merge only under the same configuration.
 *
 * <p>Defaults: exact counts for up to {@value #DEFAULT_MAX_EXACT_CATEGORIES} distinct categories; then a
 * frequent-items sketch with a map of 2^{@value #DEFAULT_FREQUENT_ITEMS_LG_MAX_MAP_SIZE} = 2048 slots, which
 * tracks up to 1536 categories with no error, so switching from exact counts loses nothing, and whose
 * a-priori error is 3.5 / 2048 = 0.171% of the count ({@link ItemsSketch#getEpsilon(int)}); and an HLL_4
 * distinct-count sketch with lgK = {@value #DEFAULT_HLL_LG_K}, relative standard error 1.30% (1.62% after a
 * merge), about 2.2 KB.
 *
 * @param maxExactCategories        most distinct categories counted exactly, 1 to {@value #MAX_EXACT_CATEGORIES}
 * @param frequentItemsLgMaxMapSize log2 of the frequent-items map size, 3 to 26
 * @param hllLgK                    log2 of the HLL bucket count, 4 to 21
 */
public record CategoricalProfileConfig(int maxExactCategories, int frequentItemsLgMaxMapSize, int hllLgK) {
    public static final int DEFAULT_MAX_EXACT_CATEGORIES = 1024;
    public static final int DEFAULT_FREQUENT_ITEMS_LG_MAX_MAP_SIZE = 11;
    public static final int DEFAULT_HLL_LG_K = 12;
    public static final int MAX_EXACT_CATEGORIES = 1 << 20;

    public CategoricalProfileConfig {
        requireBetween("maxExactCategories", maxExactCategories, 1, MAX_EXACT_CATEGORIES);
        requireBetween("frequentItemsLgMaxMapSize", frequentItemsLgMaxMapSize, 3, 26);
        requireBetween("hllLgK", hllLgK, 4, 21);
    }

    public static CategoricalProfileConfig defaults() {
        return new CategoricalProfileConfig(DEFAULT_MAX_EXACT_CATEGORIES, DEFAULT_FREQUENT_ITEMS_LG_MAX_MAP_SIZE,
                DEFAULT_HLL_LG_K);
    }

    private static void requireBetween(String name, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(name + " must be between " + low + " and " + high + ", got " + value);
        }
    }
}
