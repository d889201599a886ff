package io.driftwatch.stats.drift.sketch;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.JensenShannon;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.NumericProfile;

import static java.util.Objects.requireNonNull;

/**
 * Jensen-Shannon distance from two profiles: the streaming counterpart of {@link JensenShannon}, on the
 * reference's decile bins for numbers ({@link Binning#QUANTILE}, as {@link SketchPsi}) and on the union of
 * categories, no fill.
 *
 * <p>Bound: the exact distance lies in the interval. The divergence is half the sum over bins of
 * p ln(2p / (p + q)) + q ln(2q / (p + q)), each term ranged over its proportion box as in
 * {@link DivergenceTerm}; untracked categories add at most (their mass on both sides) x ln 2, since a
 * term never exceeds (p + q) ln 2. The distance is the square root of the divergence in the chosen base,
 * a monotone map, so it carries the interval's ends over. Confidence: 99% per KLL sketch in estimation
 * mode (union bound), 1 for categories (the frequent-items bounds are certain) and for exact profiles.
 * Stateless and thread-safe.
 */
public final class SketchJensenShannon implements NumericSketchTest, CategoricalSketchTest {
    private final LogBase base;

    public SketchJensenShannon(LogBase base) {
        this.base = requireNonNull(base, "base");
    }

    @Override
    public String name() {
        return "jensen_shannon";
    }

    @Override
    public TestOutcome compare(NumericProfile reference, NumericProfile current) {
        SketchCdf referenceCdf = SketchCdf.of(reference, "reference");
        SketchCdf currentCdf = SketchCdf.of(current, "current");
        ProportionBoxes boxes = DecileBins.of(referenceCdf, currentCdf);
        return outcome(boxes, 1 - SketchCdf.failureProbability(referenceCdf, currentCdf));
    }

    @Override
    public TestOutcome compare(CategoricalProfile reference, CategoricalProfile current) {
        CategoryBoxes.requireValues(reference, "reference");
        CategoryBoxes.requireValues(current, "current");
        if (reference.isExact() && current.isExact()) {
            double distance = new JensenShannon(Binning.QUANTILE, base).compare(reference.exactCounts().orElseThrow(),
                    current.exactCounts().orElseThrow()).statistic();
            return new TestOutcome(distance, null, Method.SKETCH, new ErrorBound(distance, distance, null, null, 1.0));
        }
        return outcome(CategoryBoxes.of(reference, current), 1.0);
    }

    private TestOutcome outcome(ProportionBoxes boxes, double confidence) {
        Range terms = DivergenceTerm.JENSEN_SHANNON.range(boxes);
        double estimate = terms.clamp(DivergenceTerm.JENSEN_SHANNON.estimate(boxes));
        return new TestOutcome(distance(estimate), null, Method.SKETCH,
                new ErrorBound(distance(terms.low()), distance(terms.high()), null, null, confidence));
    }

    /** sqrt(divergence), the divergence being half the summed terms, in this base; capped at its maximum. */
    private double distance(double summedTermsNats) {
        double divergenceNats = Math.min(summedTermsNats / 2, Math.log(2));
        return Math.sqrt(base.fromNats(divergenceNats));
    }
}
