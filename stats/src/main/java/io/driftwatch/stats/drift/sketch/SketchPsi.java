package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.Psi;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.NumericProfile;

/**
 * Population Stability Index from two profiles: the streaming counterpart of {@link Psi} with
 * {@link Binning#QUANTILE} bins on numbers (cut at the reference sketch's deciles, proportions read from
 * both sketches' CDFs) and the union of categories on categories, empty proportions filled with 1e-4.
 *
 * <p>Bound: the exact PSI (the one {@code Psi} computes from the raw values, at the exact deciles) lies
 * in the reported interval. Derivation: every bin's exact proportion on each side lies in a box
 * ({@link DecileBins} for numbers: decile edge uncertainty plus rank error, about 4 eps wide on the
 * reference; {@link CategoryBoxes} for categories: the frequent-items sketch's hard bounds); each bin's
 * term ranges over its box as {@link DivergenceTerm} shows (corners for the maximum, 0 or the corner
 * nearest the diagonal for the minimum, the 1e-4 fill boxed apart); the per-bin ranges add up. On numbers,
 * when no bin can be empty, the upper end is instead the exact maximum over the shared decile edges (a
 * dynamic program in {@link DivergenceTerm}), which is never larger. Categories neither profile tracks add
 * at most (mass + 1e-4 per category) times the largest |ln ratio|.
 * Confidence: 99% per KLL sketch in estimation mode (union bound: 98% for two), 99.7% when the number of
 * untracked categories comes from the HLL sketch, 1 when both profiles are exact (zero-width interval).
 * The interval is wide: about 0.15 at the default k on undrifted data of 10^4 values, so a 0.1 threshold
 * is often inconclusive from sketches alone; raise k or keep exact values for sharper answers.
 * Stateless and thread-safe.
 */
public final class SketchPsi implements NumericSketchTest, CategoricalSketchTest {

    @Override
    public String name() {
        return "psi";
    }

    @Override
    public TestOutcome compare(NumericProfile reference, NumericProfile current) {
        SketchCdf referenceCdf = SketchCdf.of(reference, "reference");
        SketchCdf currentCdf = SketchCdf.of(current, "current");
        ProportionBoxes boxes = DecileBins.of(referenceCdf, currentCdf);
        double confidence = 1 - SketchCdf.failureProbability(referenceCdf, currentCdf);
        return outcome(boxes, confidence);
    }

    @Override
    public TestOutcome compare(CategoricalProfile reference, CategoricalProfile current) {
        CategoryBoxes.requireValues(reference, "reference");
        CategoryBoxes.requireValues(current, "current");
        if (reference.isExact() && current.isExact()) {
            double psi = new Psi(Binning.QUANTILE).compare(reference.exactCounts().orElseThrow(),
                    current.exactCounts().orElseThrow()).statistic();
            return new TestOutcome(psi, null, Method.SKETCH, new ErrorBound(psi, psi, null, null, 1.0));
        }
        ProportionBoxes boxes = CategoryBoxes.of(reference, current);
        double confidence = boxes.untracked() == null ? 1.0 : CategoryBoxes.DISTINCT_CONFIDENCE;
        return outcome(boxes, confidence);
    }

    private static TestOutcome outcome(ProportionBoxes boxes, double confidence) {
        Range range = DivergenceTerm.PSI.range(boxes);
        double estimate = range.clamp(DivergenceTerm.PSI.estimate(boxes));
        return new TestOutcome(estimate, null, Method.SKETCH,
                new ErrorBound(range.low(), range.high(), null, null, confidence));
    }
}
