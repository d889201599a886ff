package io.driftwatch.topology.estimate;

import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.ExpectedOneVsRest;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.stats.estimate.ProbabilityRankingCodec;
import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of an {@link EstimateTally} in window state and changelogs, versioned so a state written by an earlier
 * build still reads.
 *
 * <p>Format 2 (written): u8 2, the binary part (i64 rows, f64 expected TP, FP, FN, TN, i64 predictions not estimated,
 * i32 length of the ranking's bytes, those bytes), then i32 classes k (0 without a multiclass state) and per class
 * i64 rows, f64 expected TP, FP, FN, TN, i32 length of its ranking's bytes, those bytes.
 *
 * <p>Format 1 (read only, written before multiclass estimates): u8 1, i64 rows, f64 TP, FP, FN, TN, i64 predictions
 * not estimated, then the ranking's bytes to the end.
 */
final class EstimateTallyCodec implements BytesCodec<EstimateTally> {
    private static final int BINARY_ONLY = 1;
    private static final int WITH_MULTICLASS = 2;

    @Override
    public byte[] toBytes(EstimateTally tally) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WITH_MULTICLASS);
        writeConfusion(out, tally.confusion());
        out.writeBytes(ByteBuffer.allocate(8).putLong(tally.notEstimated()).array());
        writeRanking(out, tally.ranking());
        OneVsRestWindow multiclass = tally.multiclass();
        if (multiclass == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(0).array());
            return out.toByteArray();
        }
        List<ExpectedConfusion> perClass = multiclass.confusion().perClass();
        out.writeBytes(ByteBuffer.allocate(4).putInt(perClass.size()).array());
        for (int c = 0; c < perClass.size(); c++) {
            writeConfusion(out, perClass.get(c));
            writeRanking(out, multiclass.rankings().get(c));
        }
        return out.toByteArray();
    }

    @Override
    public EstimateTally fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int format = buffer.get();
        if (format != BINARY_ONLY && format != WITH_MULTICLASS) {
            throw new IllegalStateException("estimate tally format " + format + " is not supported by this build");
        }
        ExpectedConfusion confusion = readConfusion(buffer);
        long notEstimated = buffer.getLong();
        if (format == BINARY_ONLY) {
            byte[] ranking = new byte[buffer.remaining()];
            buffer.get(ranking);
            return new EstimateTally(confusion, ProbabilityRankingCodec.fromBytes(ranking), null, notEstimated);
        }
        ProbabilityRanking ranking = readRanking(buffer);
        int classes = buffer.getInt();
        if (classes == 0) {
            return new EstimateTally(confusion, ranking, null, notEstimated);
        }
        List<ExpectedConfusion> perClass = new ArrayList<>(classes);
        List<ProbabilityRanking> rankings = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            perClass.add(readConfusion(buffer));
            rankings.add(readRanking(buffer));
        }
        return new EstimateTally(confusion, ranking, new OneVsRestWindow(new ExpectedOneVsRest(perClass), rankings),
                notEstimated);
    }

    private static void writeConfusion(ByteArrayOutputStream out, ExpectedConfusion c) {
        out.writeBytes(ByteBuffer.allocate(8 + 32).putLong(c.count()).putDouble(c.truePositive())
                .putDouble(c.falsePositive()).putDouble(c.falseNegative()).putDouble(c.trueNegative()).array());
    }

    private static void writeRanking(ByteArrayOutputStream out, ProbabilityRanking ranking) {
        byte[] bytes = ProbabilityRankingCodec.toBytes(ranking);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static ExpectedConfusion readConfusion(ByteBuffer buffer) {
        return new ExpectedConfusion(buffer.getLong(), buffer.getDouble(), buffer.getDouble(), buffer.getDouble(),
                buffer.getDouble());
    }

    private static ProbabilityRanking readRanking(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return ProbabilityRankingCodec.fromBytes(bytes);
    }
}
