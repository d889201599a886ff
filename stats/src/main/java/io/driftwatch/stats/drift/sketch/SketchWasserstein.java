package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.numeric.WassersteinDistance;
import io.driftwatch.stats.profile.NumericProfile;

/**
 * First Wasserstein distance from two KLL sketches, normalized by the reference's standard deviation
 * (ddof 0, at least {@link WassersteinDistance#MIN_REFERENCE_STD}) taken from the profile's exact moments:
 * the streaming counterpart of {@link WassersteinDistance}. W is the area between the two estimated CDFs.
 *
 * <p>Bound: W = integral of |F_ref - F_cur| dx, and each estimated CDF is within eps of the true one. The
 * KLL sketch keeps the exact min and max, so outside [min, max] of a side its estimated and true CDFs are
 * both 0 or both 1; hence |W_sketch - W_exact| <= eps_ref (max_ref - min_ref) + eps_cur (max_cur - min_cur),
 * divided by the same exact standard deviation. The bound grows with the range, so it is loose for
 * heavy-tailed columns. Confidence 99% per sketch in estimation mode (union bound), 1 when neither
 * compacted. Stateless and thread-safe.
 */
public final class SketchWasserstein implements NumericSketchTest {

    @Override
    public String name() {
        return "wasserstein";
    }

    @Override
    public TestOutcome compare(NumericProfile reference, NumericProfile current) {
        SketchCdf referenceCdf = SketchCdf.of(reference, "reference");
        SketchCdf currentCdf = SketchCdf.of(current, "current");
        double scale = Math.max(reference.populationStandardDeviation(), WassersteinDistance.MIN_REFERENCE_STD);
        double distance = SketchCdf.areaBetween(referenceCdf, currentCdf);
        double error = referenceCdf.rankError() * (referenceCdf.max() - referenceCdf.min())
                + currentCdf.rankError() * (currentCdf.max() - currentCdf.min());
        double confidence = 1 - SketchCdf.failureProbability(referenceCdf, currentCdf);
        ErrorBound bound = new ErrorBound(Math.max(0, distance - error) / scale, (distance + error) / scale,
                null, null, confidence);
        return new TestOutcome(distance / scale, null, Method.SKETCH, bound);
    }
}
