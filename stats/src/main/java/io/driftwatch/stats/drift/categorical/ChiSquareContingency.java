package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.CategoryCounts;
import org.apache.commons.math3.special.Gamma;

import java.util.TreeSet;

/**
 * Pearson's chi-square test of independence on the 2 x k table of reference and current counts, exactly
 * as SciPy's {@code chi2_contingency} with its defaults: NannyML's and alibi-detect's chi-square, which
 * teams moving from those tools compare their thresholds with. {@link ChiSquareTest} (Evidently's
 * goodness of fit) asks whether the current counts fit the reference's shares; this one asks whether the
 * two samples come from one distribution, so both sides' sampling error counts and new categories take
 * part.
 *
 * <p>The k columns are the union of both sides' categories; a category one side lacks counts 0 there, so
 * every column has a positive total and every expected count is positive. With k = 2 (one degree of
 * freedom) Yates' continuity correction moves each observed count half a unit towards its expected count,
 * never past it, as SciPy does. With k = 1 there is no degree of freedom: SciPy returns statistic 0 and
 * p-value 1, and so does this test. The p-value is the upper regularized gamma Q((k - 1) / 2, statistic / 2),
 * asymptotic. Stateless and thread-safe.
 */
public final class ChiSquareContingency implements CategoricalDriftTest {
    private static final double YATES_SHIFT = 0.5;

    @Override
    public String name() {
        return "chi_square_contingency";
    }

    @Override
    public TestOutcome compare(CategoryCounts reference, CategoryCounts current) {
        TreeSet<String> categories = new TreeSet<>(reference.counts().keySet());
        categories.addAll(current.counts().keySet());
        int degreesOfFreedom = categories.size() - 1;
        if (degreesOfFreedom == 0) {
            return TestOutcome.withPValue(0.0, 1.0, Method.ASYMPTOTIC);
        }
        double total = (double) reference.total() + current.total();
        double statistic = 0;
        for (String category : categories) {
            long referenceCount = reference.count(category);
            long currentCount = current.count(category);
            double columnTotal = (double) referenceCount + currentCount;
            statistic += cell(referenceCount, reference.total() * columnTotal / total, degreesOfFreedom);
            statistic += cell(currentCount, current.total() * columnTotal / total, degreesOfFreedom);
        }
        return TestOutcome.withPValue(statistic, survival(degreesOfFreedom, statistic), Method.ASYMPTOTIC);
    }

    /** One cell's (observed - expected)^2 / expected, the observed count Yates-corrected at one degree of freedom. */
    private static double cell(long observed, double expected, int degreesOfFreedom) {
        double deviation = observed - expected;
        if (degreesOfFreedom == 1) {
            deviation -= Math.signum(deviation) * Math.min(YATES_SHIFT, Math.abs(deviation));
        }
        return deviation * deviation / expected;
    }

    /** P(chi-square with {@code degreesOfFreedom} degrees of freedom >= statistic), SciPy's {@code chi2.sf}. */
    static double survival(double degreesOfFreedom, double statistic) {
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
