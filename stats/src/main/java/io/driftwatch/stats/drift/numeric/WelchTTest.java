package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.commons.math3.special.Beta;

import static java.util.Objects.requireNonNull;

/**
 * Welch's unequal-variance t-test on the means, as SciPy's {@code ttest_ind(equal_var=False)}: the classic check
 * that a feature's average moved, valid when the two windows have different sizes and spreads.
 *
 * <p>The statistic is t = (mean_ref - mean_cur) / sqrt(s_ref^2/n + s_cur^2/m) (sample variances, ddof 1); its
 * sign says which window is larger. The two-sided p-value is the Student t tail with the Welch-Satterthwaite
 * degrees of freedom, computed as the regularized incomplete beta {@code I_{df/(df+t^2)}(df/2, 1/2)} directly so
 * that small p-values keep their relative accuracy (no {@code 1 - cdf}); {@link Method#ASYMPTOTIC}. With fewer
 * than two values in a sample, or both samples constant, t is NaN as in SciPy. O(n + m). Stateless and thread-safe.
 */
public final class WelchTTest implements NumericDriftTest {
    @Override
    public String name() {
        return "t_test_welch";
    }

    @Override
    public TestOutcome compare(SortedSample reference, SortedSample current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        double n1 = reference.size();
        double n2 = current.size();
        double scaledVariance1 = reference.sampleVariance() / n1;
        double scaledVariance2 = current.sampleVariance() / n2;
        double sumOfScaled = scaledVariance1 + scaledVariance2;
        double df = sumOfScaled * sumOfScaled
                / (scaledVariance1 * scaledVariance1 / (n1 - 1) + scaledVariance2 * scaledVariance2 / (n2 - 1));
        if (Double.isNaN(df)) {
            df = 1;
        }
        double t = (reference.mean() - current.mean()) / Math.sqrt(sumOfScaled);
        return TestOutcome.withPValue(t, twoSidedPValue(t, df), Method.ASYMPTOTIC);
    }

    private static double twoSidedPValue(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }
}
