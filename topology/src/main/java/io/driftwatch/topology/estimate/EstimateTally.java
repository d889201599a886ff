package io.driftwatch.topology.estimate;

import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.stats.estimate.ProbabilityRankingCodec;
import io.driftwatch.topology.state.BytesCodec;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * The mergeable state of one window's estimated performance: the expected confusion matrix of its calibrated
 * probabilities, their ranking (exact up to a number of distinct probabilities, a bounded histogram past it), and
 * the predictions that could not be estimated (no score of the positive class). Join partitions fill one each and
 * the aggregator merges them; the numbers equal those of one state fed every prediction, up to the order of floating
 * additions. Mutable, not thread-safe.
 */
public final class EstimateTally {
    private static final int FORMAT_VERSION = 1;

    private ExpectedConfusion confusion;
    private final ProbabilityRanking ranking;
    private long notEstimated;

    public EstimateTally() {
        this(ExpectedConfusion.EMPTY, new ProbabilityRanking(), 0);
    }

    private EstimateTally(ExpectedConfusion confusion, ProbabilityRanking ranking, long notEstimated) {
        this.confusion = requireNonNull(confusion, "confusion");
        this.ranking = requireNonNull(ranking, "ranking");
        this.notEstimated = notEstimated;
    }

    /** One prediction, of calibrated probability {@code probability} of the positive class. */
    public void add(double probability, boolean predictedPositive) {
        confusion = confusion.plus(probability, predictedPositive);
        ranking.add(probability);
    }

    /** One prediction that gave no score of the positive class. */
    public void addNotEstimated() {
        notEstimated++;
    }

    public void merge(EstimateTally other) {
        confusion = confusion.merge(other.confusion);
        ranking.merge(other.ranking);
        notEstimated += other.notEstimated;
    }

    public ExpectedConfusion confusion() {
        return confusion;
    }

    public ProbabilityRanking ranking() {
        return ranking;
    }

    public long notEstimated() {
        return notEstimated;
    }

    /**
     * Bytes: u8 format version (1), i64 rows, f64 expected TP, FP, FN, TN, i64 predictions not estimated, the
     * ranking's own bytes.
     */
    public static final BytesCodec<EstimateTally> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(EstimateTally tally) {
            byte[] ranking = ProbabilityRankingCodec.toBytes(tally.ranking);
            ExpectedConfusion c = tally.confusion;
            return ByteBuffer.allocate(1 + 8 + 32 + 8 + ranking.length).put((byte) FORMAT_VERSION).putLong(c.count())
                    .putDouble(c.truePositive()).putDouble(c.falsePositive()).putDouble(c.falseNegative())
                    .putDouble(c.trueNegative()).putLong(tally.notEstimated).put(ranking).array();
        }

        @Override
        public EstimateTally fromBytes(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            int format = buffer.get();
            if (format != FORMAT_VERSION) {
                throw new IllegalStateException("estimate tally format " + format + " is not supported by this build");
            }
            ExpectedConfusion confusion = new ExpectedConfusion(buffer.getLong(), buffer.getDouble(), buffer.getDouble(),
                    buffer.getDouble(), buffer.getDouble());
            long notEstimated = buffer.getLong();
            byte[] ranking = new byte[buffer.remaining()];
            buffer.get(ranking);
            return new EstimateTally(confusion, ProbabilityRankingCodec.fromBytes(ranking), notEstimated);
        }
    };
}
