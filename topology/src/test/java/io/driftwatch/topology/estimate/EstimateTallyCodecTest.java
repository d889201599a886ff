package io.driftwatch.topology.estimate;

import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.stats.estimate.ProbabilityRankingCodec;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate state's bytes: a multiclass window survives them, and a binary state of format 1 still reads. */
class EstimateTallyCodecTest {

    @Test
    void aMulticlassWindowReadsBackAsWritten() {
        EstimateTally tally = new EstimateTally();
        tally.addMulticlass(new double[] {0.7, 0.2, 0.1}, 0);
        tally.addMulticlass(new double[] {0.25, 0.5, 0.25}, 1);
        tally.addMulticlass(new double[] {0.1, 0.3, 0.6}, 0);
        tally.addNotEstimated();

        EstimateTally read = EstimateTally.CODEC.fromBytes(EstimateTally.CODEC.toBytes(tally));

        OneVsRestWindow window = read.multiclass();
        assertThat(window).isNotNull();
        assertThat(window.confusion()).isEqualTo(tally.multiclass().confusion());
        assertThat(window.count()).isEqualTo(3);
        for (int c = 0; c < 3; c++) {
            assertThat(window.rankings().get(c).rocAuc()).isEqualTo(tally.multiclass().rankings().get(c).rocAuc());
        }
        assertThat(read.notEstimated()).isEqualTo(1);
        assertThat(read.confusion()).isEqualTo(ExpectedConfusion.EMPTY);
    }

    @Test
    void mergingPartitionsAddsTheirMulticlassRows() {
        EstimateTally first = new EstimateTally();
        first.addMulticlass(new double[] {0.7, 0.2, 0.1}, 0);
        EstimateTally second = new EstimateTally();
        second.addMulticlass(new double[] {0.1, 0.3, 0.6}, 2);
        second.addNotEstimated();
        EstimateTally binaryOnly = new EstimateTally();

        binaryOnly.merge(first);
        binaryOnly.merge(second);

        assertThat(binaryOnly.multiclass()).isNotNull();
        assertThat(binaryOnly.multiclass().count()).isEqualTo(2);
        assertThat(binaryOnly.multiclass().confusion().accuracy()).isEqualTo((0.7 + 0.6) / 2);
        assertThat(binaryOnly.notEstimated()).isEqualTo(1);
    }

    @Test
    void aBinaryStateOfFormatOneStillReads() {
        ProbabilityRanking ranking = new ProbabilityRanking();
        ranking.add(0.8);
        ranking.add(0.3);
        byte[] rankingBytes = ProbabilityRankingCodec.toBytes(ranking);
        ExpectedConfusion confusion = ExpectedConfusion.EMPTY.plus(0.8, true).plus(0.3, false);
        byte[] formatOne = ByteBuffer.allocate(1 + 8 + 32 + 8 + rankingBytes.length).put((byte) 1)
                .putLong(confusion.count()).putDouble(confusion.truePositive()).putDouble(confusion.falsePositive())
                .putDouble(confusion.falseNegative()).putDouble(confusion.trueNegative()).putLong(4)
                .put(rankingBytes).array();

        EstimateTally read = EstimateTally.CODEC.fromBytes(formatOne);

        assertThat(read.confusion()).isEqualTo(confusion);
        assertThat(read.notEstimated()).isEqualTo(4);
        assertThat(read.ranking().rocAuc()).isEqualTo(ranking.rocAuc());
        assertThat(read.multiclass()).isNull();
        assertThat(EstimateTally.CODEC.fromBytes(EstimateTally.CODEC.toBytes(read)).confusion()).isEqualTo(confusion);
    }
}
