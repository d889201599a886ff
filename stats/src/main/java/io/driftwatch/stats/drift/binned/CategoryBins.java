package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.CategoryCounts;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The counts of a categorical column on both sides over the sorted union of their categories: the
 * categorical counterpart of {@link BinnedCounts}, one bin per category, so that a category only one side
 * has still counts (as zero on the other side). Immutable: the arrays are copied on the way in and out.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, and equals, hashCode and toString below read the contents
public record CategoryBins(List<String> categories, long[] referenceCounts, long[] currentCounts) {
    public CategoryBins {
        categories = List.copyOf(categories);
        requireNonNull(referenceCounts, "referenceCounts");
        requireNonNull(currentCounts, "currentCounts");
        if (referenceCounts.length != categories.size() || currentCounts.length != categories.size()) {
            throw new IllegalArgumentException(categories.size() + " categories but " + referenceCounts.length
                    + " reference and " + currentCounts.length + " current counts");
        }
        referenceCounts = referenceCounts.clone();
        currentCounts = currentCounts.clone();
    }

    /** Aligns both sides on the union of their categories, in natural string order. */
    public static CategoryBins union(CategoryCounts reference, CategoryCounts current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        TreeSet<String> union = new TreeSet<>(reference.counts().keySet());
        union.addAll(current.counts().keySet());
        List<String> categories = new ArrayList<>(union);
        long[] referenceCounts = new long[categories.size()];
        long[] currentCounts = new long[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            referenceCounts[i] = reference.count(categories.get(i));
            currentCounts[i] = current.count(categories.get(i));
        }
        return new CategoryBins(categories, referenceCounts, currentCounts);
    }

    @Override
    public long[] referenceCounts() {
        return referenceCounts.clone();
    }

    @Override
    public long[] currentCounts() {
        return currentCounts.clone();
    }

    /** Reference count per category divided by the reference's total, in category order. */
    public double[] referenceProportions() {
        return BinnedCounts.proportions(referenceCounts);
    }

    /** Current count per category divided by the current total, in category order. */
    public double[] currentProportions() {
        return BinnedCounts.proportions(currentCounts);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CategoryBins that
                && categories.equals(that.categories)
                && Arrays.equals(referenceCounts, that.referenceCounts)
                && Arrays.equals(currentCounts, that.currentCounts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * categories.hashCode() + Arrays.hashCode(referenceCounts)) + Arrays.hashCode(currentCounts);
    }

    @Override
    public String toString() {
        return "CategoryBins[categories=" + categories + ", referenceCounts=" + Arrays.toString(referenceCounts)
                + ", currentCounts=" + Arrays.toString(currentCounts) + "]";
    }
}
