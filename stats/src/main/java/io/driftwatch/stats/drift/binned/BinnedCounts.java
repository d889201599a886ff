package io.driftwatch.stats.drift.binned;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The reference and current counts of one numeric column over the bins a {@link Binning} chose, kept so
 * that a report can show where the mass moved, not only by how much.
 *
 * <p>Bin {@code i} holds the values in [{@code edges[i]}, {@code edges[i + 1]}), except that the last
 * bin bounded by the edges is closed on the right, as in NumPy's {@code histogram}. Outer edges may be
 * infinite (quantile bins are open at both ends). When the counts have one entry more than the edges
 * bound ({@link #hasOutsideRangeBin()}), that last entry counts the current values that fell outside
 * [{@code edges[0]}, last edge]; its reference count is zero (NannyML's extra bin for Doane binning).
 *
 * <p>Per-value bins ({@code perValue}, NannyML's for a numeric column with few distinct values): {@code edges}
 * then holds the reference's distinct values in increasing order, bin {@code i} counts the values equal to
 * {@code edges[i]}, and the extra last bin, if any, counts the current values equal to none of them.
 *
 * <p>Immutable: the arrays are copied on the way in and out.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, and equals, hashCode and toString below read the contents
public record BinnedCounts(double[] edges, long[] referenceCounts, long[] currentCounts, boolean perValue) {
    public BinnedCounts {
        requireNonNull(edges, "edges");
        requireNonNull(referenceCounts, "referenceCounts");
        requireNonNull(currentCounts, "currentCounts");
        if (edges.length < (perValue ? 1 : 2)) {
            throw new IllegalArgumentException(perValue ? "per-value bins need at least one value"
                    : "bins need at least two edges, got " + edges.length);
        }
        if (referenceCounts.length != currentCounts.length) {
            throw new IllegalArgumentException("reference has " + referenceCounts.length + " bins but current has "
                    + currentCounts.length);
        }
        int boundedBins = perValue ? edges.length : edges.length - 1;
        if (referenceCounts.length != boundedBins && referenceCounts.length != boundedBins + 1) {
            throw new IllegalArgumentException(edges.length + (perValue ? " values make " : " edges bound ") + boundedBins
                    + " bins, but there are " + referenceCounts.length + " counts");
        }
        edges = edges.clone();
        referenceCounts = referenceCounts.clone();
        currentCounts = currentCounts.clone();
        if (referenceCounts.length == boundedBins + 1 && referenceCounts[boundedBins] != 0) {
            throw new IllegalArgumentException("the outside-range bin collects current values only, but its reference count is "
                    + referenceCounts[boundedBins]);
        }
    }

    /** Interval bins between {@code edges}. */
    public BinnedCounts(double[] edges, long[] referenceCounts, long[] currentCounts) {
        this(edges, referenceCounts, currentCounts, false);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] referenceCounts() {
        return referenceCounts.clone();
    }

    @Override
    public long[] currentCounts() {
        return currentCounts.clone();
    }

    public int binCount() {
        return referenceCounts.length;
    }

    /**
     * True when the last bin counts the current values outside the edges' range (for per-value bins: equal to
     * none of the values) rather than an interval or a value.
     */
    public boolean hasOutsideRangeBin() {
        return referenceCounts.length == (perValue ? edges.length + 1 : edges.length);
    }

    /** Reference count per bin divided by the reference's total, in bin order. */
    public double[] referenceProportions() {
        return proportions(referenceCounts);
    }

    /** Current count per bin divided by the current total, in bin order. */
    public double[] currentProportions() {
        return proportions(currentCounts);
    }

    /** Each count divided by their total; also what {@link CategoryBins} uses. */
    static double[] proportions(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] proportions = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            proportions[i] = (double) counts[i] / total;
        }
        return proportions;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BinnedCounts that
                && Arrays.equals(edges, that.edges)
                && Arrays.equals(referenceCounts, that.referenceCounts)
                && Arrays.equals(currentCounts, that.currentCounts)
                && perValue == that.perValue;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(edges) + Arrays.hashCode(referenceCounts)) + Arrays.hashCode(currentCounts))
                + Boolean.hashCode(perValue);
    }

    @Override
    public String toString() {
        return "BinnedCounts[edges=" + Arrays.toString(edges) + ", referenceCounts=" + Arrays.toString(referenceCounts)
                + ", currentCounts=" + Arrays.toString(currentCounts) + ", perValue=" + perValue + "]";
    }
}
