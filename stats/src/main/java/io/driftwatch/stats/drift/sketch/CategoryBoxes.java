package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The boxes of a categorical statistic over the union of categories, from two profiles of which at least
 * one has left exact mode. A category's count on each side lies in the frequent-items sketch's hard bounds
 * ([0, maximumError] where that side does not track it, exactly 0 where that side is exact and never saw
 * it), and each count divided by the side's exact total gives the proportion box. Categories tracked by
 * neither side are unknown by name; {@link ProportionBoxes.UntrackedCategories} bounds their mass (all
 * that the tracked lower bounds leave unassigned), their size (maximumError each) and their number (the
 * HLL union's upper bound at {@value #DISTINCT_STD_DEVS} standard deviations, less the tracked names).
 */
final class CategoryBoxes {
    static final int DISTINCT_STD_DEVS = 3;
    /** Normal coverage of the HLL bound at three standard deviations, as DataSketches approximates it. */
    static final double DISTINCT_CONFIDENCE = 0.997;

    private CategoryBoxes() {
    }

    static ProportionBoxes of(CategoricalProfile reference, CategoricalProfile current) {
        List<String> names = trackedNames(reference, current);
        int size = names.size();
        double[][] referenceBoxes = new double[3][size];
        double[][] currentBoxes = new double[3][size];
        long referenceAssigned = fill(reference, names, referenceBoxes);
        long currentAssigned = fill(current, names, currentBoxes);
        ProportionBoxes.UntrackedCategories untracked = null;
        if (reference.maximumError() > 0 || current.maximumError() > 0) {
            double unionUpperBound = reference.distinctCountUpperBoundWith(current, DISTINCT_STD_DEVS);
            untracked = new ProportionBoxes.UntrackedCategories(
                    (double) (reference.count() - referenceAssigned) / reference.count(),
                    (double) (current.count() - currentAssigned) / current.count(),
                    (double) reference.maximumError() / reference.count(),
                    (double) current.maximumError() / current.count(),
                    Math.max(0, Math.ceil(unionUpperBound) - size));
        }
        return new ProportionBoxes(referenceBoxes[0], referenceBoxes[1], referenceBoxes[2],
                currentBoxes[0], currentBoxes[1], currentBoxes[2], reference.count(), current.count(), untracked, null);
    }

    /** @throws IllegalArgumentException if the profile has no valid value */
    static void requireValues(CategoricalProfile profile, String side) {
        if (profile.count() == 0) {
            throw new IllegalArgumentException("the " + side + " profile has no valid value (" + profile.nullCount()
                    + " null, " + profile.wrongTypeCount() + " of the wrong type); a sketch test needs values on both sides");
        }
    }

    /** The categories either profile lists, in category order. */
    static List<String> trackedNames(CategoricalProfile reference, CategoricalProfile current) {
        TreeSet<String> names = new TreeSet<>();
        reference.frequencies().forEach(frequency -> names.add(frequency.category()));
        current.frequencies().forEach(frequency -> names.add(frequency.category()));
        return new ArrayList<>(names);
    }

    /** Fills low, high and estimated proportions; returns the sum of the count lower bounds. */
    private static long fill(CategoricalProfile profile, List<String> names, double[][] boxes) {
        long assigned = 0;
        double total = profile.count();
        for (int i = 0; i < names.size(); i++) {
            CategoryFrequency frequency = profile.frequency(names.get(i));
            boxes[0][i] = frequency.lowerBound() / total;
            boxes[1][i] = frequency.upperBound() / total;
            boxes[2][i] = (frequency.lowerBound() + frequency.upperBound()) / 2.0 / total;
            assigned += frequency.lowerBound();
        }
        return assigned;
    }
}
