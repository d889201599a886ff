package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RealizedConfusionTest {
    private static final int CHUNK = 100;

    private static RealizedConfusion[] referenceChunks(boolean lastChunkAllPositive) {
        double[] scores = CbpeCases.doubles("binary", "scores");
        boolean[] labels = CbpeCases.labels("binary");
        RealizedConfusion[] chunks = new RealizedConfusion[scores.length / CHUNK];
        for (int c = 0; c < chunks.length; c++) {
            RealizedConfusion chunk = RealizedConfusion.EMPTY;
            for (int row = c * CHUNK; row < (c + 1) * CHUNK; row++) {
                boolean actual = labels[row] || (lastChunkAllPositive && c == chunks.length - 1);
                chunk = chunk.plus(actual, scores[row] >= 0.5);
            }
            chunks[c] = chunk;
        }
        return chunks;
    }

    @Test
    void realizedPrecisionOfReferenceChunksIsNotANumberForTheChunkWithOneClass() {
        RealizedConfusion[] chunks = referenceChunks(true);
        // cbpe_reference.py realized_precision: NaN when labels or predictions have one value, else TP / (TP + FP)
        double[] expected = {0.47540983606557374, 0.5, 0.5303030303030303, 0.5857142857142857, 0.609375,
                0.5522388059701493, 0.4166666666666667, 0.5833333333333334, 0.532258064516129, Double.NaN};
        for (int c = 0; c < chunks.length; c++) {
            assertEquals(expected[c], chunks[c].precision(), CbpeCases.TOLERANCE, "chunk " + c);
        }
        assertThat(chunks[9].specificity()).isNaN();
        assertThat(chunks[9].recall()).isNaN();
    }

    @Test
    void realizedBusinessValueOfReferenceChunksGivesTheNumPyThresholds() {
        RealizedConfusion[] chunks = referenceChunks(false);
        BusinessValue matrix = new BusinessValue(new BusinessValueMatrix(5, -10, -50, 20), false);
        // cbpe_reference.py business_value_chunks: sum of [[5, -10], [-50, 20]] * confusion_matrix
        double[] expected = {180, 60, 120, 350, 490, 110, 45, 100, -45, 115};
        double[] realized = new double[chunks.length];
        for (int c = 0; c < chunks.length; c++) {
            realized[c] = chunks[c].businessValue(matrix);
            assertEquals(expected[c], realized[c], 1e-9, "chunk " + c);
        }
        MetricBand thresholds = MetricBand.of(realized, MetricRange.UNBOUNDED.lowest(), MetricRange.UNBOUNDED.highest())
                .orElseThrow();
        assertEquals(-292.28225009548214, thresholds.lower(), 1e-9);
    }

    @Test
    void aNormalisedCellOfAnEmptyClassIsZero() {
        RealizedConfusion allNegative = RealizedConfusion.EMPTY.plus(false, false).plus(false, true);
        assertEquals(0.0, allNegative.cell(ConfusionCell.TRUE_POSITIVE, ConfusionNormalization.TRUE), 0.0);
        assertEquals(0.5, allNegative.cell(ConfusionCell.FALSE_POSITIVE, ConfusionNormalization.TRUE), 0.0);
        assertEquals(0.5, allNegative.accuracy(), 0.0);
    }
}
