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
 * <p>Bound: W = integral of |F_ref - F_cur| dx, and each true CDF lies within its sketch's rank error eps
 * of the estimate, clipped to [0, 1]; the KLL sketch keeps the exact min and max, so outside [min, max) of
 * a side its CDF is known exactly. Between consecutive retained items the estimates are constant, so the
 * largest and smallest possible |F_ref - F_cur| there, times the stretch's length, add up to bounds on W
 * ({@link SketchCdf#areaBounds}); at most eps_ref (max_ref - min_ref) + eps_cur (max_cur - min_cur) from
 * the estimate, and tighter in the tails where both CDFs are near 0 or 1. W is also at least the gap
 * between the exact means (Kantorovich-Rubinstein with f(x) = x), which the exact moments give; that
 * raises the lower end when the means moved. All divided by the same exact standard deviation. The bound
 * grows with the range, so it stays loose for heavy-tailed columns. Confidence 99% per sketch in
 * estimation mode (union bound), 1 when neither compacted. Stateless and thread-safe.
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
        Range area = SketchCdf.areaBounds(referenceCdf, currentCdf);
        double low = Math.max(area.low(), meanGap(reference, current));
        Range distance = new Range(Math.min(low, area.high()), area.high());
        double estimate = distance.clamp(SketchCdf.areaBetween(referenceCdf, currentCdf));
        double confidence = 1 - SketchCdf.failureProbability(referenceCdf, currentCdf);
        ErrorBound bound = new ErrorBound(distance.low() / scale, distance.high() / scale, null, null, confidence);
        return new TestOutcome(estimate / scale, null, Method.SKETCH, bound);
    }

    /**
     * |mean_ref - mean_cur|, lowered by a few units in the last place of each mean: each is its exact sum
     * rounded and divided once, so this stays below the true gap.
     */
    private static double meanGap(NumericProfile reference, NumericProfile current) {
        double gap = Math.abs(reference.mean() - current.mean());
        double rounding = 4 * (Math.ulp(reference.mean()) + Math.ulp(current.mean()));
        return Math.max(0, gap - rounding);
    }
}
