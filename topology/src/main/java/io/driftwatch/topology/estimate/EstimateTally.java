package io.driftwatch.topology.estimate;

import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.topology.state.BytesCodec;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * The mergeable state of one window's estimated performance: for a binary model the expected confusion matrix of its
 * calibrated probabilities and their ranking (exact up to a number of distinct probabilities, a bounded histogram
 * past it); for a multiclass model its {@link OneVsRestWindow} (per class the expected one-vs-rest confusion and the
 * ranking of the class's normalised probabilities), started by its first multiclass prediction; and the predictions
 * that could not be estimated (no usable score). Join partitions fill one each and the aggregator merges them; the
 * numbers equal those of one state fed every prediction, up to the order of floating additions. Mutable, not
 * thread-safe.
 */
public final class EstimateTally {
    /** The versioned bytes ({@link EstimateTallyCodec}). */
    public static final BytesCodec<EstimateTally> CODEC = new EstimateTallyCodec();

    private ExpectedConfusion confusion;
    private final ProbabilityRanking ranking;
    private @Nullable OneVsRestWindow multiclass;
    private long notEstimated;

    public EstimateTally() {
        this(ExpectedConfusion.EMPTY, new ProbabilityRanking(), null, 0);
    }

    EstimateTally(ExpectedConfusion confusion, ProbabilityRanking ranking, @Nullable OneVsRestWindow multiclass,
                  long notEstimated) {
        this.confusion = requireNonNull(confusion, "confusion");
        this.ranking = requireNonNull(ranking, "ranking");
        this.multiclass = multiclass;
        this.notEstimated = notEstimated;
    }

    /** One prediction of a binary model, of calibrated probability {@code probability} of the positive class. */
    public void add(double probability, boolean predictedPositive) {
        confusion = confusion.plus(probability, predictedPositive);
        ranking.add(probability);
    }

    /**
     * One prediction of a multiclass model: its calibrated, normalised probabilities (one per class) and its
     * predicted class's index.
     */
    public void addMulticlass(double[] calibrated, int predictedClass) {
        multiclassWindow(calibrated.length).add(calibrated, predictedClass);
    }

    /** One prediction that gave no usable score. */
    public void addNotEstimated() {
        notEstimated++;
    }

    public void merge(EstimateTally other) {
        confusion = confusion.merge(other.confusion);
        ranking.merge(other.ranking);
        OneVsRestWindow theirs = other.multiclass;
        if (theirs != null) {
            multiclassWindow(theirs.rankings().size()).merge(theirs);
        }
        notEstimated += other.notEstimated;
    }

    public ExpectedConfusion confusion() {
        return confusion;
    }

    public ProbabilityRanking ranking() {
        return ranking;
    }

    /** The multiclass state; null while no multiclass prediction was added. */
    public @Nullable OneVsRestWindow multiclass() {
        return multiclass;
    }

    public long notEstimated() {
        return notEstimated;
    }

    private OneVsRestWindow multiclassWindow(int classCount) {
        OneVsRestWindow window = multiclass;
        if (window == null) {
            window = new OneVsRestWindow(classCount, ProbabilityRanking.DEFAULT_DISTINCT_MAX);
            multiclass = window;
        }
        return window;
    }
}
