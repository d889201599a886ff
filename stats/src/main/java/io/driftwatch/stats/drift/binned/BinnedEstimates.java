package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * NannyML's binned estimates of the KS statistic D and of the Wasserstein distance, which it uses instead of
 * the exact ones once the reference holds {@value #MIN_REFERENCE_SIZE} values or more, so that it keeps only
 * a histogram of a large reference. Driftwatch offers them to reproduce NannyML's numbers (option
 * {@code binned_estimates}); the exact statistics stay the default, and below that size NannyML computes them
 * exactly too. Both cut the reference's range into {@value #BINS} equal-width bins ({@code np.linspace}).
 *
 * <p>KS: the two empirical CDFs are compared only at the bins' upper edges (a value equal to an inner edge
 * counts above it, the last edge is closed, as in {@code np.histogram}); current values below the first edge
 * count in every CDF value, those above the last edge in none. Wasserstein: inside the reference's range the
 * integral is the bins' right-endpoint sum of |F_ref - F_cur| times the bin width; outside it the current
 * CDF is integrated exactly (from the smallest current value up to the range, and from the range up to the
 * largest). When some current values lie below the range, NannyML adds (count below + 1) / m, not
 * count below / m, to the current CDF inside the range; that is reproduced so the numbers agree. A
 * constant reference's range is widened to [value - 0.5, value + 0.5] for Wasserstein (NumPy's
 * {@code histogram}) but not for KS (an explicit {@code linspace}). Each costs O(bins log n). Pure; thread-safe.
 */
public final class BinnedEstimates {
    /** The reference size from which NannyML's {@code auto} computation estimates instead of computing exactly. */
    public static final int MIN_REFERENCE_SIZE = 10_000;
    /** NannyML's default {@code n_bins}. */
    public static final int BINS = 10_000;

    private BinnedEstimates() {
    }

    /** Whether NannyML would estimate rather than compute exactly for this reference. */
    public static boolean applies(SortedSample reference) {
        return reference.size() >= MIN_REFERENCE_SIZE;
    }

    /** The largest gap between the two CDFs at the bins' upper edges, in [0, 1]. */
    public static double ksStatistic(SortedSample reference, SortedSample current) {
        requireValues(reference, current);
        double[] edges = EqualWidthEdges.linspace(reference.min(), reference.max(), BINS);
        long n = reference.size();
        long m = current.size();
        long largestGap = 0;
        for (int i = 1; i <= BINS; i++) {
            long referenceBelow = i == BINS ? n : reference.countBelow(edges[i]);
            long currentBelow = i == BINS ? current.countAtOrBelow(edges[i]) : current.countBelow(edges[i]);
            largestGap = Math.max(largestGap, Math.abs(referenceBelow * m - currentBelow * n));
        }
        return largestGap / ((double) n * m);
    }

    /** The estimated integral of |F_ref - F_cur| over the real line, in the column's units (not normalized). */
    public static double wassersteinDistance(SortedSample reference, SortedSample current) {
        requireValues(reference, current);
        double first = reference.min();
        double last = reference.max();
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = EqualWidthEdges.linspace(first, last, BINS);
        double width = edges[1] - edges[0];
        double n = reference.size();
        double m = current.size();
        int below = current.countBelow(first);
        int above = current.size() - current.countAtOrBelow(last);
        double belowShift = below > 0 ? (below + 1) / m : 0;
        double within = 0;
        for (int i = 1; i <= BINS; i++) {
            double referenceCdf = (i == BINS ? n : reference.countBelow(edges[i])) / n;
            int currentUpTo = i == BINS ? current.countAtOrBelow(edges[i]) : current.countBelow(edges[i]);
            double currentCdf = (currentUpTo - below) / m + belowShift;
            within += Math.abs(referenceCdf - currentCdf) * width;
        }
        return within + belowRange(current, below, first) + aboveRange(current, above, last);
    }

    /** The integral of F_cur from the smallest current value up to {@code first}. */
    private static double belowRange(SortedSample current, int below, double first) {
        double m = current.size();
        double sum = 0;
        for (int i = 0; i < below; i++) {
            double value = current.get(i);
            double next = i + 1 < below ? current.get(i + 1) : first;
            sum += (i + 1) / m * (next - value);
        }
        return sum;
    }

    /** The integral of 1 - F_cur from {@code last} up to the largest current value. */
    private static double aboveRange(SortedSample current, int above, double last) {
        int size = current.size();
        double m = size;
        double sum = 0;
        double previous = last;
        for (int i = size - above; i < size; i++) {
            double value = current.get(i);
            sum += (size - i) / m * (value - previous);
            previous = value;
        }
        return sum;
    }

    private static void requireValues(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        if (reference.isEmpty() || current.isEmpty()) {
            throw new IllegalArgumentException("a binned estimate needs values on both sides, got " + reference.size()
                    + " reference and " + current.size() + " current values");
        }
    }
}
