package io.driftwatch.stats.profile;

import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * How often each category occurred: exact counts while there are at most {@code maxExactCategories}
 * distinct ones, then a frequent-items sketch seeded with those counts. Exactly one of the two forms is
 * held at any time, and the switch is one-way. Not thread-safe.
 */
final class CategoryTally {
    private final CategoricalProfileConfig config;
    private @Nullable Map<String, Long> exactCounts;
    private @Nullable ItemsSketch<String> frequentItems;

    private CategoryTally(CategoricalProfileConfig config, @Nullable Map<String, Long> exactCounts,
                          @Nullable ItemsSketch<String> frequentItems) {
        this.config = config;
        this.exactCounts = exactCounts;
        this.frequentItems = frequentItems;
    }

    static CategoryTally exact(CategoricalProfileConfig config, Map<String, Long> counts) {
        return new CategoryTally(config, new HashMap<>(counts), null);
    }

    static CategoryTally sketched(CategoricalProfileConfig config, ItemsSketch<String> sketch) {
        return new CategoryTally(config, null, sketch);
    }

    /**
     * Counts one occurrence.
     *
     * @return false when the category is known to have been counted before (exact counts hold it), true when it is
     *         new or the sketch cannot tell
     */
    boolean update(String category) {
        if (exactCounts != null) {
            boolean first = exactCounts.merge(category, 1L, Long::sum) == 1L;
            if (exactCounts.size() > config.maxExactCategories()) {
                switchToSketch();
            }
            return first;
        }
        requireNonNull(frequentItems).update(category);
        return true;
    }

    void merge(CategoryTally other) {
        if (exactCounts != null && other.exactCounts != null) {
            other.exactCounts.forEach((category, n) -> requireNonNull(exactCounts).merge(category, n, Long::sum));
            if (exactCounts.size() > config.maxExactCategories()) {
                switchToSketch();
            }
            return;
        }
        if (exactCounts != null) {
            switchToSketch();
        }
        ItemsSketch<String> sketch = requireNonNull(frequentItems);
        if (other.exactCounts != null) {
            new TreeMap<>(other.exactCounts).forEach(sketch::update);
        } else {
            sketch.merge(requireNonNull(other.frequentItems));
        }
    }

    @Nullable Map<String, Long> exactCounts() {
        return exactCounts;
    }

    @Nullable ItemsSketch<String> frequentItems() {
        return frequentItems;
    }

    long maximumError() {
        return exactCounts != null ? 0 : requireNonNull(frequentItems).getMaximumError();
    }

    CategoryFrequency frequency(String category) {
        if (exactCounts != null) {
            long n = exactCounts.getOrDefault(category, 0L);
            return new CategoryFrequency(category, n, n);
        }
        ItemsSketch<String> sketch = requireNonNull(frequentItems);
        return new CategoryFrequency(category, sketch.getLowerBound(category), sketch.getUpperBound(category));
    }

    List<CategoryFrequency> frequencies() {
        List<CategoryFrequency> frequencies = new ArrayList<>();
        if (exactCounts != null) {
            exactCounts.forEach((category, n) -> frequencies.add(new CategoryFrequency(category, n, n)));
        } else {
            for (ItemsSketch.Row<String> row : requireNonNull(frequentItems).getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                frequencies.add(new CategoryFrequency(row.getItem(), row.getLowerBound(), row.getUpperBound()));
            }
        }
        frequencies.sort(Comparator.comparing(CategoryFrequency::category));
        return frequencies;
    }

    private void switchToSketch() {
        ItemsSketch<String> sketch = new ItemsSketch<>(1 << config.frequentItemsLgMaxMapSize());
        // Category order, so that the sketch (and its bytes) does not depend on hash-map iteration order.
        new TreeMap<>(requireNonNull(exactCounts)).forEach(sketch::update);
        frequentItems = sketch;
        exactCounts = null;
    }
}
