package io.driftwatch.stats.estimate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbabilityRankingCodecTest {

    @Test
    void anExactRankingReadsBackWithTheSameRunsAndEstimates() {
        ProbabilityRanking ranking = new ProbabilityRanking(64);
        for (double probability : ProbabilityRankingTest.uniform(new Random(3), 40)) {
            ranking.add(probability);
            ranking.add(probability);
        }
        ProbabilityRanking read = ProbabilityRankingCodec.fromBytes(ProbabilityRankingCodec.toBytes(ranking));
        assertThat(read.exact()).isTrue();
        assertThat(read.distinctMax()).isEqualTo(64);
        assertThat(read.count()).isEqualTo(80);
        assertThat(read.rowsByProbability()).isEqualTo(ranking.rowsByProbability());
        assertEquals(ranking.rocAuc(), read.rocAuc(), 0);
        assertEquals(ranking.averagePrecision(), read.averagePrecision(), 0);
    }

    @Test
    void aBoundedRankingReadsBackWithTheSameCellsAndEstimates() {
        ProbabilityRanking ranking = new ProbabilityRanking(128);
        for (double probability : ProbabilityRankingTest.uniform(new Random(5), 3000)) {
            ranking.add(probability);
        }
        ProbabilityRanking read = ProbabilityRankingCodec.fromBytes(ProbabilityRankingCodec.toBytes(ranking));
        assertThat(read.exact()).isFalse();
        assertThat(read.count()).isEqualTo(3000);
        assertThat(read.cellCounts()).isEqualTo(ranking.cellCounts());
        assertThat(read.cellSums()).isEqualTo(ranking.cellSums());
        assertEquals(ranking.rocAuc(), read.rocAuc(), 0);
        assertEquals(ranking.averagePrecisionErrorBound(), read.averagePrecisionErrorBound(), 0);
        assertThat(ProbabilityRankingCodec.toBytes(read)).isEqualTo(ProbabilityRankingCodec.toBytes(ranking));
    }

    @Test
    void theFormatIsPinnedByteForByte() {
        ProbabilityRanking exact = new ProbabilityRanking(2);
        exact.add(0.5);
        exact.add(0.5);
        assertThat(ProbabilityRankingCodec.toBytes(exact)).containsExactly(
                1, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0x3f, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
        exact.add(0.25);
        exact.add(1.0);
        assertThat(exact.exact()).isFalse();
        // cell 0 holds 0.25, cell 1 holds 0.5, 0.5 and 1.0, summing to 2.0
        assertThat(ProbabilityRankingCodec.toBytes(exact)).containsExactly(
                1, 0, 0, 0, 2, 1, 0, 0, 0, 2,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x3f, 0xd0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0x40, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void refusesAFormatVersionItDoesNotKnowNamingIt() {
        byte[] bytes = ProbabilityRankingCodec.toBytes(new ProbabilityRanking());
        bytes[0] = 7;
        assertThatThrownBy(() -> ProbabilityRankingCodec.fromBytes(bytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format 7");
    }

    @Test
    void refusesTruncatedBytes() {
        ProbabilityRanking ranking = new ProbabilityRanking();
        ranking.add(0.3);
        byte[] bytes = ProbabilityRankingCodec.toBytes(ranking);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> ProbabilityRankingCodec.fromBytes(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt probability ranking");
    }
}
