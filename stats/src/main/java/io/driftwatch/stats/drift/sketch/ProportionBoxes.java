package io.driftwatch.stats.drift.sketch;

import org.jspecify.annotations.Nullable;

/**
 * What two sketches say about the per-bin proportions of a binned statistic: for every bin, an interval
 * that certainly (at the sketches' confidence) holds the exact proportion on each side, and a point
 * estimate inside it. Categories that neither sketch tracks by name are summarized by
 * {@link UntrackedCategories}. Adjacent numeric bins share their edges, which {@link CumulativeBounds}
 * keeps. The arrays are owned by this record and never modified.
 *
 * @param referenceCount number of reference values: the smallest positive proportion is 1 / referenceCount
 * @param currentCount   number of current values
 */
@SuppressWarnings("ArrayRecordComponent") // package-private carrier of the bins' arrays: never compared, hashed or printed
record ProportionBoxes(double[] referenceLow, double[] referenceHigh, double[] referenceEstimate,
                       double[] currentLow, double[] currentHigh, double[] currentEstimate,
                       long referenceCount, long currentCount, @Nullable UntrackedCategories untracked,
                       @Nullable CumulativeBounds cumulative) {

    int binCount() {
        return referenceLow.length;
    }

    /**
     * The categories (names unknown) that neither profile tracks: their total proportion on each side is at
     * most {@code referenceMass} / {@code currentMass}, each one's proportion at most
     * {@code referenceMaxProportion} / {@code currentMaxProportion}, and there are at most {@code maxCount}
     * of them (an HLL bound at 3 standard deviations, about 99.7% confidence).
     */
    record UntrackedCategories(double referenceMass, double currentMass, double referenceMaxProportion,
                               double currentMaxProportion, double maxCount) {
    }

    /**
     * Bounds on G(j), the fraction of values below edge j, for j = 0 .. binCount (G(0) = 0, G(binCount) = 1):
     * bin i's proportion is G(i + 1) - G(i), on each side.
     */
    @SuppressWarnings("ArrayRecordComponent") // as ProportionBoxes: never compared, hashed or printed
    record CumulativeBounds(double[] referenceLow, double[] referenceHigh, double[] currentLow, double[] currentHigh) {
    }
}
