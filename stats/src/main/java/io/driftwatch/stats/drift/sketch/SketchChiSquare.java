package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.categorical.ChiSquareTest;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import org.apache.commons.math3.special.Gamma;

import java.util.List;

/**
 * Pearson's chi-square of the current counts against the reference proportions, from two categorical
 * profiles: the streaming counterpart of {@link ChiSquareTest}, with the same definition (the reference's
 * categories only, expected counts scaled to the M current values that fall in them). Exact, with a
 * zero-width interval, while both profiles count exactly.
 *
 * <p>Bound once a profile uses its frequent-items sketch, whose count bounds are certain: write the
 * statistic as M x sum over reference categories of (q_i - p_i)^2 / p_i with p_i the reference share and
 * q_i = o_i / M. M lies in [M_low, M_high] (lower bounds of the current counts of certain reference
 * categories; all current values less those certainly outside the reference); p_i in
 * [max(lb, 1) / N_ref, ub / N_ref] (a reference category occurs at least once; a category the reference
 * may lack contributes from 0); q_i in [lb_cur / M_high, ub_cur / M_low]. Each term ranges over its box as
 * {@link DivergenceTerm} shows; categories neither profile tracks add at most
 * q_max N_ref (their current share) + (their reference share), from (q - p)^2 / p <= q^2 / p + p and
 * p >= 1 / N_ref. The p-value interval uses the fewest degrees of freedom with the largest statistic and
 * the most (the reference's HLL distinct bound at 3 standard deviations) with the smallest, since the
 * p-value falls with the statistic and rises with the degrees of freedom. Confidence 99.7% when the HLL
 * bound is used, else 1. Stateless and thread-safe.
 */
public final class SketchChiSquare implements CategoricalSketchTest {

    @Override
    public String name() {
        return "chi_square";
    }

    /** @throws IllegalArgumentException as {@link ChiSquareTest#compare} when both profiles are exact */
    @Override
    public TestOutcome compare(CategoricalProfile reference, CategoricalProfile current) {
        CategoryBoxes.requireValues(reference, "reference");
        CategoryBoxes.requireValues(current, "current");
        if (reference.isExact() && current.isExact()) {
            TestOutcome exact = new ChiSquareTest().compare(reference.exactCounts().orElseThrow(),
                    current.exactCounts().orElseThrow());
            double p = exact.pValue() == null ? Double.NaN : exact.pValue();
            return new TestOutcome(exact.statistic(), p, Method.SKETCH,
                    new ErrorBound(exact.statistic(), exact.statistic(), p, p, 1.0));
        }
        List<String> names = CategoryBoxes.trackedNames(reference, current);
        Overlap overlap = Overlap.of(names, reference, current);
        if (overlap.mLow() == 0) {
            // No current value is certainly in a reference category: the statistic could be anything.
            return withPValues(reference, new Range(0, Double.POSITIVE_INFINITY), 0, overlap.certainCategories());
        }
        Range terms = trackedTerms(names, reference, current, overlap).plus(untrackedTerms(reference, current, overlap));
        Range statistic = new Range(overlap.mLow() * terms.low(), overlap.mHigh() * terms.high());
        return withPValues(reference, statistic, statistic.clamp(estimate(names, reference, current)),
                overlap.certainCategories());
    }

    /**
     * What the tracked names say about the reference categories: the current count M in them lies in
     * [mLow, mHigh]; {@code certainCategories} names certainly are reference categories; the assigned
     * counts are the sums of the count lower bounds over all tracked names.
     */
    private record Overlap(double mLow, double mHigh, int certainCategories, long referenceAssigned,
                           long currentAssigned) {
        static Overlap of(List<String> names, CategoricalProfile reference, CategoricalProfile current) {
            long inReference = 0;
            long certainlyOutside = 0;
            long referenceAssigned = 0;
            long currentAssigned = 0;
            int certain = 0;
            for (String name : names) {
                CategoryFrequency ref = reference.frequency(name);
                CategoryFrequency cur = current.frequency(name);
                referenceAssigned += ref.lowerBound();
                currentAssigned += cur.lowerBound();
                if (ref.lowerBound() > 0) {
                    inReference += cur.lowerBound();
                    certain++;
                } else if (ref.upperBound() == 0) {
                    certainlyOutside += cur.lowerBound();
                }
            }
            return new Overlap(inReference, current.count() - certainlyOutside, certain, referenceAssigned,
                    currentAssigned);
        }
    }

    /** Sum over tracked names of the range of (q - p)^2 / p; a name the reference may lack ranges from 0. */
    private static Range trackedTerms(List<String> names, CategoricalProfile reference, CategoricalProfile current,
                                      Overlap overlap) {
        double referenceTotal = reference.count();
        Range terms = Range.ZERO;
        for (String name : names) {
            CategoryFrequency ref = reference.frequency(name);
            CategoryFrequency cur = current.frequency(name);
            if (ref.upperBound() == 0) {
                continue;
            }
            Range term = DivergenceTerm.CHI_SQUARE.convexRange(Math.max(ref.lowerBound(), 1) / referenceTotal,
                    ref.upperBound() / referenceTotal, cur.lowerBound() / overlap.mHigh(),
                    Math.min(1, cur.upperBound() / overlap.mLow()));
            terms = terms.plus(ref.lowerBound() > 0 ? term : new Range(0, term.high()));
        }
        return terms;
    }

    /** What reference categories that neither profile tracks can add: none when the reference is exact. */
    private static Range untrackedTerms(CategoricalProfile reference, CategoricalProfile current, Overlap overlap) {
        if (reference.maximumError() == 0) {
            return Range.ZERO;
        }
        double referenceTotal = reference.count();
        double currentShare = (current.count() - overlap.currentAssigned()) / overlap.mLow();
        double largestShare = Math.min(1, current.maximumError() / overlap.mLow());
        double referenceShare = (referenceTotal - overlap.referenceAssigned()) / referenceTotal;
        return new Range(0, largestShare * currentShare * referenceTotal + referenceShare);
    }

    /** sum o^2 / (M share) - M, the textbook form, at the midpoints of the certain reference categories' bounds. */
    private static double estimate(List<String> names, CategoricalProfile reference, CategoricalProfile current) {
        double sumOfSquaresOverShare = 0;
        double m = 0;
        for (String name : names) {
            CategoryFrequency ref = reference.frequency(name);
            if (ref.lowerBound() > 0) {
                CategoryFrequency cur = current.frequency(name);
                double share = (ref.lowerBound() + ref.upperBound()) / 2.0 / reference.count();
                double observed = (cur.lowerBound() + cur.upperBound()) / 2.0;
                m += observed;
                sumOfSquaresOverShare += observed * observed / share;
            }
        }
        return m > 0 ? sumOfSquaresOverShare / m - m : 0;
    }

    private static TestOutcome withPValues(CategoricalProfile reference, Range statistic, double estimate,
                                           int certainCategories) {
        int fewest = Math.max(certainCategories, 2);
        double most = reference.isExact() ? fewest
                : Math.max(fewest, Math.ceil(reference.distinctCountUpperBoundWith(reference, CategoryBoxes.DISTINCT_STD_DEVS)));
        double pLow = survival(fewest - 1, statistic.high());
        double pHigh = survival(most - 1, statistic.low());
        double p = Math.max(pLow, Math.min(pHigh, survival(fewest - 1, estimate)));
        double confidence = reference.isExact() ? 1.0 : CategoryBoxes.DISTINCT_CONFIDENCE;
        return new TestOutcome(estimate, p, Method.SKETCH,
                new ErrorBound(statistic.low(), statistic.high(), pLow, pHigh, confidence));
    }

    /** P(chi-square with df degrees of freedom >= x), as ChiSquareTest computes it. */
    private static double survival(double degreesOfFreedom, double x) {
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            return 0;
        }
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2, x / 2);
    }
}
