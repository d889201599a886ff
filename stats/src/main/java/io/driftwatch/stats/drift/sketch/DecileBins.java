package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.sample.SortedSample;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The boxes of the ten decile bins of {@link Binning#QUANTILE}, from two KLL sketches. The exact statistic
 * cuts at the reference's exact deciles E_1 .. E_9 (NumPy's linear interpolation), which the sketch does
 * not know, so both the edges and the CDFs at them carry error:
 *
 * <ol>
 *   <li>Edge: E_j lies between the order statistics x(a) and x(b), a = floor((n - 1) j / 10), b = a or
 *   a + 1. Any retained item L with estimated fraction below it at most a / n - eps_ref is at most x(a),
 *   and any item U with estimated fraction at or below it at least (b + 1) / n + eps_ref is at least x(b);
 *   the sketch's exact min and max are the fallbacks. So E_j is in [L_j, U_j]. A sketch that never
 *   compacted holds every value, and the edges are then computed exactly.</li>
 *   <li>CDF: for each side, G(j) = fraction of values below E_j lies in
 *   [below(L_j) - eps, below(U_j) + eps] (monotone in the edge, plus the rank error), and for the
 *   reference also G(j) <= b / n, because only x(0) .. x(b - 1) can lie below E_j.</li>
 *   <li>Bin: bin i holds the values in [E_i, E_i+1), so its proportion G(i+1) - G(i) lies in
 *   [G_low(i+1) - G_high(i), G_high(i+1) - G_low(i)], clipped to [0, 1].</li>
 * </ol>
 * The point estimate cuts at the sketch's own deciles and reads both sketches' CDFs there.
 */
final class DecileBins {
    private static final int BINS = 10;

    private DecileBins() {
    }

    static ProportionBoxes of(SketchCdf reference, SketchCdf current) {
        double[] estimateEdges = new double[BINS - 1];
        double[] lowEdges = new double[BINS - 1];
        double[] highEdges = new double[BINS - 1];
        double[] referenceCeilings = new double[BINS - 1];
        Optional<SortedSample> referenceValues = reference.exactValues();
        double[] exactEdges = referenceValues.map(values -> Binning.QUANTILE.bin(values, values).edges()).orElse(null);
        long n = reference.count();
        for (int j = 1; j < BINS; j++) {
            double virtualIndex = (n - 1) * (j / (double) BINS);
            long a = (long) Math.floor(virtualIndex);
            long b = virtualIndex > a ? a + 1 : a;
            referenceCeilings[j - 1] = (double) b / n;
            if (exactEdges != null) {
                estimateEdges[j - 1] = exactEdges[j];
                lowEdges[j - 1] = exactEdges[j];
                highEdges[j - 1] = exactEdges[j];
                continue;
            }
            double estimate = reference.quantile(j / (double) BINS);
            double low = reference.largestItemWithFractionBelowAtMost((double) a / n - reference.rankError());
            double high = reference.smallestItemWithFractionAtOrBelowAtLeast((double) (b + 1) / n + reference.rankError());
            estimateEdges[j - 1] = estimate;
            lowEdges[j - 1] = Math.min(low, estimate);
            highEdges[j - 1] = Math.max(high, estimate);
        }
        double[][] referenceBins = bins(reference, estimateEdges, lowEdges, highEdges, referenceCeilings);
        double[][] currentBins = bins(current, estimateEdges, lowEdges, highEdges, null);
        return new ProportionBoxes(referenceBins[0], referenceBins[1], referenceBins[2],
                currentBins[0], currentBins[1], currentBins[2], reference.count(), current.count(), null,
                new ProportionBoxes.CumulativeBounds(referenceBins[3], referenceBins[4], currentBins[3], currentBins[4]));
    }

    /** Low, high and estimated proportion of each bin on one side, then the low and high fractions below each edge. */
    private static double[][] bins(SketchCdf side, double[] estimateEdges, double[] lowEdges, double[] highEdges,
                                   double @Nullable [] ceilings) {
        double[] belowLow = new double[BINS + 1];
        double[] belowHigh = new double[BINS + 1];
        double[] belowEstimate = new double[BINS + 1];
        belowHigh[BINS] = 1;
        belowLow[BINS] = 1;
        belowEstimate[BINS] = 1;
        for (int j = 1; j < BINS; j++) {
            belowLow[j] = Math.max(0, side.below(lowEdges[j - 1]) - side.rankError());
            belowHigh[j] = Math.min(1, side.below(highEdges[j - 1]) + side.rankError());
            if (ceilings != null) {
                belowHigh[j] = Math.min(belowHigh[j], ceilings[j - 1]);
                belowLow[j] = Math.min(belowLow[j], belowHigh[j]);
            }
            belowEstimate[j] = side.below(estimateEdges[j - 1]);
        }
        double[] low = new double[BINS];
        double[] high = new double[BINS];
        double[] estimate = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            low[i] = Math.max(0, belowLow[i + 1] - belowHigh[i]);
            high[i] = Math.min(1, belowHigh[i + 1] - belowLow[i]);
            estimate[i] = Math.max(low[i], Math.min(high[i], belowEstimate[i + 1] - belowEstimate[i]));
        }
        return new double[][] {low, high, estimate, belowLow, belowHigh};
    }
}
