package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.categorical.ChiSquareContingency;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import org.apache.commons.math3.special.Gamma;

import java.util.List;

/**
 * SciPy's {@code chi2_contingency} on the 2 x k table of reference and current counts, from two categorical
 * profiles: the streaming counterpart of {@link ChiSquareContingency}. Exact, with a zero-width interval, while
 * both profiles count exactly.
 *
 * <p>Bound once a profile uses its frequent-items sketch, whose count bounds are certain. With R reference
 * and C current values (exact totals) and p, q a category's share on each side, the table's statistic is
 * R C sum over categories of (p - q)^2 / (R p + C q). Each term is quadratic over linear, so convex, zero
 * where p = q, rising as p and q move apart: over its box of shares its maximum is at a corner and its
 * minimum is 0 when the two intervals overlap, else at the corner nearest the diagonal. Categories neither
 * profile tracks add at most C x (their reference share) + R x (their current share), from
 * (p - q)^2 / (R p + C q) <= p / R + q / C. Yates' correction only lowers the statistic, and applies only
 * to a table of two categories: when that many are possible, the interval's low end is 0. The p-value
 * interval takes the fewest possible categories (those certainly counted on a side) with the largest
 * statistic and the most (the HLL union's bound at 3 standard deviations) with the smallest, since the
 * p-value falls with the statistic and rises with the degrees of freedom. Confidence 99.7%, the HLL bound's.
 * Stateless and thread-safe.
 */
public final class SketchChiSquareContingency implements CategoricalSketchTest {

    @Override
    public String name() {
        return "chi_square_contingency";
    }

    @Override
    public TestOutcome compare(CategoricalProfile reference, CategoricalProfile current) {
        CategoryBoxes.requireValues(reference, "reference");
        CategoryBoxes.requireValues(current, "current");
        if (reference.isExact() && current.isExact()) {
            TestOutcome exact = new ChiSquareContingency().compare(reference.exactCounts().orElseThrow(),
                    current.exactCounts().orElseThrow());
            double p = exact.pValue() == null ? Double.NaN : exact.pValue();
            return new TestOutcome(exact.statistic(), p, Method.SKETCH,
                    new ErrorBound(exact.statistic(), exact.statistic(), p, p, 1.0));
        }
        double referenceTotal = reference.count();
        double currentTotal = current.count();
        List<String> names = CategoryBoxes.trackedNames(reference, current);
        Range terms = Range.ZERO;
        double estimate = 0;
        long referenceAssigned = 0;
        long currentAssigned = 0;
        int certainCategories = 0;
        for (String name : names) {
            CategoryFrequency ref = reference.frequency(name);
            CategoryFrequency cur = current.frequency(name);
            referenceAssigned += ref.lowerBound();
            currentAssigned += cur.lowerBound();
            if (ref.lowerBound() > 0 || cur.lowerBound() > 0) {
                certainCategories++;
            }
            terms = terms.plus(termRange(ref.lowerBound() / referenceTotal, ref.upperBound() / referenceTotal,
                    cur.lowerBound() / currentTotal, cur.upperBound() / currentTotal, referenceTotal, currentTotal));
            estimate += term((ref.lowerBound() + ref.upperBound()) / 2.0 / referenceTotal,
                    (cur.lowerBound() + cur.upperBound()) / 2.0 / currentTotal, referenceTotal, currentTotal);
        }
        double untracked = currentTotal * (referenceTotal - referenceAssigned) / referenceTotal
                + referenceTotal * (currentTotal - currentAssigned) / currentTotal;
        double scale = referenceTotal * currentTotal;
        int fewest = Math.max(certainCategories, 1);
        int most = (int) Math.max(fewest, Math.ceil(reference.distinctCountUpperBoundWith(current,
                CategoryBoxes.DISTINCT_STD_DEVS)));
        double low = fewest <= 2 && most >= 2 ? 0 : scale * terms.low();
        Range statistic = new Range(low, scale * terms.high() + untracked);
        double point = statistic.clamp(scale * estimate);
        double pLow = most >= 2 ? survival(Math.max(fewest, 2) - 1, statistic.high()) : 1.0;
        double pHigh = fewest >= 2 ? survival(most - 1, statistic.low()) : 1.0;
        int likely = (int) Math.max(fewest, Math.min(most, Math.round(reference.distinctCountEstimateWith(current))));
        double p = likely >= 2 ? Math.max(pLow, Math.min(pHigh, survival(likely - 1, point))) : 1.0;
        return new TestOutcome(point, p, Method.SKETCH,
                new ErrorBound(statistic.low(), statistic.high(), pLow, pHigh, CategoryBoxes.DISTINCT_CONFIDENCE));
    }

    /** (p - q)^2 / (R p + C q), 0 for a category neither side holds. */
    private static double term(double p, double q, double referenceTotal, double currentTotal) {
        double pooled = referenceTotal * p + currentTotal * q;
        return pooled == 0 ? 0 : (p - q) * (p - q) / pooled;
    }

    private static Range termRange(double pLow, double pHigh, double qLow, double qHigh, double referenceTotal,
                                   double currentTotal) {
        double max = Math.max(Math.max(term(pLow, qLow, referenceTotal, currentTotal),
                        term(pLow, qHigh, referenceTotal, currentTotal)),
                Math.max(term(pHigh, qLow, referenceTotal, currentTotal), term(pHigh, qHigh, referenceTotal, currentTotal)));
        double min;
        if (pLow > qHigh) {
            min = term(pLow, qHigh, referenceTotal, currentTotal);
        } else if (qLow > pHigh) {
            min = term(pHigh, qLow, referenceTotal, currentTotal);
        } else {
            min = 0;
        }
        return new Range(min, max);
    }

    /** P(chi-square with df degrees of freedom >= x); 0 beyond every finite statistic. */
    private static double survival(int degreesOfFreedom, double x) {
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            return 0;
        }
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, x / 2.0);
    }
}
