package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ThresholdsFromReferenceChunksTest {

    @Test
    void precisionThresholdsLeaveOutTheChunkWithOneClass() {
        // realized precision of ten reference chunks of 100 rows; the last has one class, so NaN (cbpe_reference.py)
        double[] realized = {0.47540983606557374, 0.5, 0.5303030303030303, 0.5857142857142857, 0.609375,
                0.5522388059701493, 0.4166666666666667, 0.5833333333333334, 0.532258064516129, Double.NaN};
        MetricBand thresholds = MetricBand.of(realized, MetricRange.UNIT.lowest(), MetricRange.UNIT.highest()).orElseThrow();
        // np.nanmean -+ 3 np.nanstd
        assertEquals(0.3600980393034524, thresholds.lower(), CbpeCases.TOLERANCE);
        assertEquals(0.7033017434896961, thresholds.upper(), CbpeCases.TOLERANCE);
        assertThat(thresholds.alerts(0.35)).isTrue();
        assertThat(thresholds.alerts(0.6)).isFalse();
    }

    @Test
    void businessValueThresholdsAreNotClipped() {
        double[] realized = {180, 60, 120, 350, 490, 110, 45, 100, -45, 115};
        MetricBand thresholds = MetricBand.of(realized, MetricRange.UNBOUNDED.lowest(), MetricRange.UNBOUNDED.highest())
                .orElseThrow();
        assertEquals(-292.28225009548214, thresholds.lower(), 1e-9);
        assertEquals(597.2822500954821, thresholds.upper(), 1e-9);
    }

    @Test
    void anUpperThresholdPastOneIsClippedToOne() {
        MetricBand thresholds = MetricBand.of(
                new double[] {0.95, 0.99, 0.97}, MetricRange.UNIT.lowest(), MetricRange.UNIT.highest()).orElseThrow();
        // mean 0.97, std sqrt(0.0008 / 3): 0.97 + 3 std = 1.019 > 1
        assertEquals(0.97 - 3 * Math.sqrt(0.0008 / 3), thresholds.lower(), 1e-12);
        assertThat(thresholds.upper()).isEqualTo(1.0);
    }

    @Test
    void noThresholdsWithoutARealizedValue() {
        assertThat(MetricBand.of(new double[] {Double.NaN}, MetricRange.UNIT.lowest(), MetricRange.UNIT.highest())).isEmpty();
    }
}
