package io.driftwatch.stats.sample;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Exact counts of the values of one categorical column. Categories are kept in their natural string
 * order so that every report lists them the same way on every run, and spelled as {@link CategoryLabel}
 * spells them, as the stream's profiles do. Immutable and thread-safe.
 */
public final class CategoryCounts {
    private final SortedMap<String, Long> countsByCategory;
    private final long total;

    private CategoryCounts(SortedMap<String, Long> countsByCategory) {
        this.countsByCategory = Collections.unmodifiableSortedMap(countsByCategory);
        long sum = 0;
        for (long count : countsByCategory.values()) {
            sum += count;
        }
        this.total = sum;
    }

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public static CategoryCounts of(Map<String, Long> counts) {
        requireNonNull(counts, "counts");
        TreeMap<String, Long> copy = new TreeMap<>();
        counts.forEach((category, count) -> {
            requireNonNull(category, "category");
            if (count < 0) {
                throw new IllegalArgumentException("count of category '" + category + "' is negative: " + count);
            }
            if (count > 0) {
                copy.merge(CategoryLabel.of(category), count, Long::sum);
            }
        });
        return new CategoryCounts(copy);
    }

    /** Counts each value of {@code values}. */
    public static CategoryCounts ofValues(Iterable<String> values) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (String value : values) {
            counts.merge(CategoryLabel.of(requireNonNull(value, "value")), 1L, Long::sum);
        }
        return new CategoryCounts(counts);
    }

    /**
     * Treats each distinct number of a low-cardinality numeric column as a category, the way Evidently
     * routes a numeric column with few distinct values to a categorical test.
     */
    public static CategoryCounts ofNumbers(SortedSample sample) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < sample.size(); i++) {
            counts.merge(numberLabel(sample.get(i)), 1L, Long::sum);
        }
        return new CategoryCounts(counts);
    }

    /** The label a number gets as a category: integral values print without a fraction. */
    public static String numberLabel(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Counts by category, in category order; never contains a zero count. */
    public SortedMap<String, Long> counts() {
        return countsByCategory;
    }

    public long count(String category) {
        return countsByCategory.getOrDefault(category, 0L);
    }

    public long total() {
        return total;
    }

    public int distinctCount() {
        return countsByCategory.size();
    }

    public boolean isEmpty() {
        return total == 0;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CategoryCounts that && countsByCategory.equals(that.countsByCategory);
    }

    @Override
    public int hashCode() {
        return countsByCategory.hashCode();
    }

    @Override
    public String toString() {
        return countsByCategory.toString();
    }
}
