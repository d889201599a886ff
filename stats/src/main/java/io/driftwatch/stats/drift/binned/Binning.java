package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * How a numeric column is cut into bins before a histogram distance compares reference and current. Each
 * choice reproduces one tool, bin for bin, so that its thresholds carry over: {@link #QUANTILE} is the
 * textbook PSI, {@link #STURGES} is Evidently's, {@link #DOANE} is NannyML's. Counting costs two binary
 * searches per edge on the already sorted samples (O(bins log n)); Doane also makes three passes over the
 * reference for its moments.
 */
public enum Binning {
    /**
     * Ten bins cut at the reference's deciles (NumPy's {@code quantile(reference, np.arange(1, 10) / 10)},
     * linear interpolation, the levels being the doubles nearest 0.1 ... 0.9), the outer bins open to
     * infinity, a value equal to an edge counted in the upper bin. With ties in the reference two
     * or more deciles can coincide; the bins between equal edges are then empty on both sides (as with
     * NumPy's {@code searchsorted(edges, x, side="right")}), and a value equal to the repeated edge goes
     * above all of them. A constant reference thus puts all its values in the top bin.
     */
    QUANTILE {
        @Override
        BinnedCounts count(SortedSample reference, SortedSample current) {
            double[] edges = new double[DECILE_BINS + 1];
            edges[0] = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < DECILE_BINS; i++) {
                edges[i] = ReferenceQuantiles.at(reference, i / (double) DECILE_BINS);
            }
            edges[DECILE_BINS] = Double.POSITIVE_INFINITY;
            return new BinnedCounts(edges, SampleHistogram.counts(reference, edges), SampleHistogram.counts(current, edges));
        }
    },
    /**
     * Evidently's bins: equal widths over the range of reference and current together, the count by
     * Sturges' rule on their combined size, exactly NumPy's {@code histogram_bin_edges(concat, "sturges")}
     * with {@code histogram} counts (last bin closed). Every value of both samples lies in a bin.
     */
    STURGES {
        @Override
        BinnedCounts count(SortedSample reference, SortedSample current) {
            double min = Math.min(reference.min(), current.min());
            double max = Math.max(reference.max(), current.max());
            double[] edges = EqualWidthEdges.sturges(min, max, (long) reference.size() + current.size());
            return new BinnedCounts(edges, SampleHistogram.counts(reference, edges), SampleHistogram.counts(current, edges));
        }

        @Override
        public EmptyBinFill emptyBinFill() {
            return EmptyBinFill.EVIDENTLY;
        }
    },
    /**
     * NannyML's bins for a numeric column. A reference with few distinct values (at most {@value
     * #NANNYML_MAX_DISTINCT} and at most a tenth of its size, NannyML's test) gets one bin per distinct
     * reference value, and current values equal to none of them share one extra bin (reference count zero).
     * Otherwise: equal widths over the reference's range only, the count by Doane's rule on the reference
     * ({@code histogram_bin_edges(reference, "doane")}), so the bins do not move with the current window;
     * current values outside the reference's range would be lost by NumPy's histogram, and as NannyML does
     * they are collected in one extra bin (reference count zero). Either extra bin is added only when at least
     * one current value falls in it (see {@link BinnedCounts#hasOutsideRangeBin()}). NannyML finds that share
     * as 1 minus the sum of the current proportions, so it may add a bin of about 1e-16 where none is due; that
     * changes its distances by no more than rounding.
     */
    DOANE {
        @Override
        BinnedCounts count(SortedSample reference, SortedSample current) {
            int distinct = reference.distinctCount();
            boolean continuous = distinct > NANNYML_MAX_DISTINCT
                    || (double) distinct / reference.size() > NANNYML_MAX_DISTINCT_SHARE;
            if (!continuous) {
                return perValue(reference, current, distinct);
            }
            double[] edges = EqualWidthEdges.doane(reference);
            long[] referenceCounts = SampleHistogram.counts(reference, edges);
            long[] currentCounts = SampleHistogram.counts(current, edges);
            return withOutside(edges, referenceCounts, currentCounts, SampleHistogram.outside(current, edges), false);
        }
    };

    /** NannyML treats a numeric reference with more distinct values than this as continuous. */
    static final int NANNYML_MAX_DISTINCT = 50;
    /** ... or with more distinct values than this share of its size. */
    static final double NANNYML_MAX_DISTINCT_SHARE = 0.1;

    private static final int DECILE_BINS = 10;

    /**
     * Counts both samples in this binning's bins.
     *
     * @param reference the baseline sample, non-empty
     * @param current   the sample compared with it, non-empty
     * @throws IllegalArgumentException if a sample is empty
     */
    public BinnedCounts bin(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        if (reference.isEmpty() || current.isEmpty()) {
            throw new IllegalArgumentException("binning needs values on both sides, got " + reference.size()
                    + " reference and " + current.size() + " current values");
        }
        return count(reference, current);
    }

    abstract BinnedCounts count(SortedSample reference, SortedSample current);

    private static BinnedCounts perValue(SortedSample reference, SortedSample current, int distinct) {
        double[] values = new double[distinct];
        long[] referenceCounts = new long[distinct];
        long[] currentCounts = new long[distinct];
        long matched = 0;
        int bin = 0;
        for (int i = 0; i < reference.size(); i = reference.countAtOrBelow(reference.get(i))) {
            double value = reference.get(i);
            values[bin] = value;
            referenceCounts[bin] = (long) reference.countAtOrBelow(value) - i;
            currentCounts[bin] = (long) current.countAtOrBelow(value) - current.countBelow(value);
            matched += currentCounts[bin];
            bin++;
        }
        return withOutside(values, referenceCounts, currentCounts, current.size() - matched, true);
    }

    private static BinnedCounts withOutside(double[] edges, long[] referenceCounts, long[] currentCounts, long outside,
                                            boolean perValue) {
        if (outside == 0) {
            return new BinnedCounts(edges, referenceCounts, currentCounts, perValue);
        }
        long[] referenceWithExtra = Arrays.copyOf(referenceCounts, referenceCounts.length + 1);
        long[] currentWithExtra = Arrays.copyOf(currentCounts, currentCounts.length + 1);
        currentWithExtra[currentCounts.length] = outside;
        return new BinnedCounts(edges, referenceWithExtra, currentWithExtra, perValue);
    }

    /**
     * The empty-bin fill that PSI and Kullback-Leibler use with these bins, matching the tool the binning
     * comes from: Evidently's rule for {@link #STURGES}, the constant 1e-4 otherwise.
     */
    public EmptyBinFill emptyBinFill() {
        return EmptyBinFill.CONSTANT;
    }
}
