package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

import java.util.Optional;

/**
 * The empirical CDF a KLL sketch estimates, as its sorted retained items and their cumulative weights,
 * with the sketch's rank error: for every x, {@link #atOrBelow(double)} and {@link #below(double)} are
 * within {@link #rankError()} of the true fractions (DataSketches' normalized rank error, 99% confidence,
 * documented as holding over the whole range of ranks). While the sketch has never compacted, the items
 * are the values themselves and the error is 0. Immutable.
 */
final class SketchCdf {
    /** DataSketches states its KLL rank error at this confidence. */
    static final double RANK_ERROR_CONFIDENCE = 0.99;

    private final double[] items;
    private final long[] cumulativeWeights;
    private final long count;
    private final double rankError;

    private SketchCdf(double[] items, long[] cumulativeWeights, long count, double rankError) {
        this.items = items;
        this.cumulativeWeights = cumulativeWeights;
        this.count = count;
        this.rankError = rankError;
    }

    /** @throws IllegalArgumentException if the profile has no valid value */
    static SketchCdf of(NumericProfile profile, String side) {
        if (profile.count() == 0) {
            throw new IllegalArgumentException("the " + side + " profile has no valid value (" + profile.nullCount()
                    + " null, " + profile.nonFiniteCount() + " non-finite, " + profile.wrongTypeCount()
                    + " of the wrong type); a sketch test needs values on both sides");
        }
        DoublesSortedView view = profile.sketch().getSortedView();
        return new SketchCdf(view.getQuantiles(), view.getCumulativeWeights(), view.getN(),
                profile.normalizedRankError());
    }

    /** Probability that the rank error bound fails for at least one of the sketches (union bound). */
    static double failureProbability(SketchCdf... cdfs) {
        double failure = 0;
        for (SketchCdf cdf : cdfs) {
            failure += cdf.rankError > 0 ? 1 - RANK_ERROR_CONFIDENCE : 0;
        }
        return failure;
    }

    double rankError() {
        return rankError;
    }

    long count() {
        return count;
    }

    double min() {
        return items[0];
    }

    double max() {
        return items[items.length - 1];
    }

    /** All the values, when the sketch still holds every one of them. */
    Optional<SortedSample> exactValues() {
        return rankError == 0 && items.length == count ? Optional.of(SortedSample.of(items)) : Optional.empty();
    }

    /** Estimated fraction of values at or below x. */
    double atOrBelow(double x) {
        int index = lastIndex(x, true);
        return index < 0 ? 0.0 : (double) cumulativeWeights[index] / count;
    }

    /** Estimated fraction of values strictly below x. */
    double below(double x) {
        int index = lastIndex(x, false);
        return index < 0 ? 0.0 : (double) cumulativeWeights[index] / count;
    }

    /**
     * The largest retained item whose estimated fraction below it is at most {@code fraction}; the min (a
     * true lower bound of everything) when there is none.
     */
    double largestItemWithFractionBelowAtMost(double fraction) {
        double found = items[0];
        long previousWeight = 0;
        for (int i = 0; i < items.length; i++) {
            if (i > 0 && items[i] != items[i - 1]) {
                previousWeight = cumulativeWeights[i - 1];
            }
            if ((double) previousWeight / count <= fraction) {
                found = items[i];
            } else {
                break;
            }
        }
        return found;
    }

    /**
     * The smallest retained item whose estimated fraction at or below it is at least {@code fraction}; the
     * max (a true upper bound of everything) when there is none.
     */
    double smallestItemWithFractionAtOrBelowAtLeast(double fraction) {
        for (int i = 0; i < items.length; i++) {
            boolean lastOfRun = i + 1 == items.length || items[i + 1] != items[i];
            if (lastOfRun && (double) cumulativeWeights[i] / count >= fraction) {
                return items[i];
            }
        }
        return max();
    }

    /** The sketch's estimate of the quantile at {@code level}: the smallest item with that much mass at or below it. */
    double quantile(double level) {
        return smallestItemWithFractionAtOrBelowAtLeast(level);
    }

    /**
     * sup over x of |F_a(x) - F_b(x)| for the two estimated CDFs. Both are step functions that change only
     * at retained items, so the supremum is reached at one of them: a merge walk over both item lists.
     */
    static double maxDistance(SketchCdf a, SketchCdf b) {
        double largest = 0;
        int i = 0;
        int j = 0;
        while (i < a.items.length || j < b.items.length) {
            double x = nextItem(a, i, b, j);
            i = a.advancePast(i, x);
            j = b.advancePast(j, x);
            largest = Math.max(largest, Math.abs(a.fractionBefore(i) - b.fractionBefore(j)));
        }
        return largest;
    }

    /** The integral of |F_a - F_b| over the real line: the first Wasserstein distance of the two CDFs. */
    static double areaBetween(SketchCdf a, SketchCdf b) {
        return integrate(a, b, false).low();
    }

    /**
     * Bounds on the integral of |F_a - F_b| for the true CDFs. On each stretch between consecutive items
     * the estimates are constant; each true CDF lies in the estimate +- its rank error, clipped to [0, 1],
     * and is known exactly outside its sketch's [min, max) (0 below the min, 1 from the max on, since KLL
     * keeps both). The largest and smallest gap between two such bands, times the stretch's length, sum to
     * the bounds.
     */
    static Range areaBounds(SketchCdf a, SketchCdf b) {
        return integrate(a, b, true);
    }

    private static Range integrate(SketchCdf a, SketchCdf b, boolean bands) {
        double low = 0;
        double high = 0;
        int i = 0;
        int j = 0;
        double x = nextItem(a, i, b, j);
        while (i < a.items.length || j < b.items.length) {
            i = a.advancePast(i, x);
            j = b.advancePast(j, x);
            if (i == a.items.length && j == b.items.length) {
                break;
            }
            double next = nextItem(a, i, b, j);
            double fa = a.fractionBefore(i);
            double fb = b.fractionBefore(j);
            if (bands) {
                double errorA = x >= a.min() && x < a.max() ? a.rankError : 0;
                double errorB = x >= b.min() && x < b.max() ? b.rankError : 0;
                double lowA = Math.max(0, fa - errorA);
                double highA = Math.min(1, fa + errorA);
                double lowB = Math.max(0, fb - errorB);
                double highB = Math.min(1, fb + errorB);
                low += Math.max(0, Math.max(lowA - highB, lowB - highA)) * (next - x);
                high += Math.max(highA - lowB, highB - lowA) * (next - x);
            } else {
                low += Math.abs(fa - fb) * (next - x);
            }
            x = next;
        }
        return bands ? new Range(low, high) : new Range(low, low);
    }

    private static double nextItem(SketchCdf a, int i, SketchCdf b, int j) {
        if (i == a.items.length) {
            return b.items[j];
        }
        if (j == b.items.length) {
            return a.items[i];
        }
        return Math.min(a.items[i], b.items[j]);
    }

    /** Index of the first item greater than x, starting from {@code from}. */
    private int advancePast(int from, double x) {
        int index = from;
        while (index < items.length && items[index] <= x) {
            index++;
        }
        return index;
    }

    /** Estimated fraction of values among the first {@code index} items. */
    private double fractionBefore(int index) {
        return index == 0 ? 0.0 : (double) cumulativeWeights[index - 1] / count;
    }

    private int lastIndex(double x, boolean inclusive) {
        int low = 0;
        int high = items.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (items[mid] < x || (inclusive && items[mid] == x)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }
}
