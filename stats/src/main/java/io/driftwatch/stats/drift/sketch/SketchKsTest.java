package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.drift.numeric.KsTest;
import io.driftwatch.stats.profile.NumericProfile;

import static java.util.Objects.requireNonNull;

/**
 * Two-sample Kolmogorov-Smirnov test from two KLL sketches: the streaming counterpart of {@link KsTest}.
 * D is the largest gap between the two sketches' estimated CDFs, evaluated at every retained item of
 * either sketch (the estimated CDFs only step there, so that is the supremum).
 *
 * <p>Bound: each estimated CDF is within its sketch's normalized rank error eps of the true one at every
 * point, so |D_sketch - D_exact| <= eps_ref + eps_cur (eps = 0 for a sketch that never compacted). The
 * p-value interval is [p(D_high), p(D_low)] with {@link KsTest#pValue} on the exact counts, which is valid
 * because the p-value does not increase with D; a threshold inside it is inconclusive rather than decided
 * by the sketches' random compaction. Confidence 99% per sketch in estimation mode (98% for two, by the
 * union bound), 1 when neither has compacted. At the default k = 547, eps = 0.5% and D is within +-0.01.
 * Stateless and thread-safe.
 */
public final class SketchKsTest implements NumericSketchTest {
    private final KsMethod method;

    public SketchKsTest(KsMethod method) {
        this.method = requireNonNull(method, "method");
    }

    @Override
    public String name() {
        return "ks";
    }

    /** @throws IllegalArgumentException also if a profile holds more than 2^31 - 1 values */
    @Override
    public TestOutcome compare(NumericProfile reference, NumericProfile current) {
        SketchCdf referenceCdf = SketchCdf.of(reference, "reference");
        SketchCdf currentCdf = SketchCdf.of(current, "current");
        int n = size(referenceCdf, "reference");
        int m = size(currentCdf, "current");
        double statistic = SketchCdf.maxDistance(referenceCdf, currentCdf);
        double error = referenceCdf.rankError() + currentCdf.rankError();
        double low = Math.max(0, statistic - error);
        double high = Math.min(1, statistic + error);
        double confidence = 1 - SketchCdf.failureProbability(referenceCdf, currentCdf);
        ErrorBound bound = new ErrorBound(low, high, KsTest.pValue(high, n, m, method),
                KsTest.pValue(low, n, m, method), confidence);
        return new TestOutcome(statistic, KsTest.pValue(statistic, n, m, method), Method.SKETCH, bound);
    }

    private static int size(SketchCdf cdf, String side) {
        if (cdf.count() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + side + " profile holds " + cdf.count()
                    + " values; the KS p-value supports at most " + Integer.MAX_VALUE + " per side");
        }
        return (int) cdf.count();
    }
}
