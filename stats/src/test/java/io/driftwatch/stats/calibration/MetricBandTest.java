package io.driftwatch.stats.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricBandTest {

    @Test
    void theBandIsTheMeanPlusOrMinusThreeStandardDeviationsOfTheReferenceChunksAsNumPyComputesThem() {
        // np.nanmean(a) -/+ 3 * np.nanstd(a) for a = [0.61, 0.63, 0.65, 0.62, 0.64]
        MetricBand band = MetricBand.of(new double[]{0.61, 0.63, 0.65, 0.62, 0.64}, 0, 1).orElseThrow();

        assertThat(band.lower()).isCloseTo(0.5875735931288072, within(1e-15));
        assertThat(band.upper()).isCloseTo(0.672426406871193, within(1e-15));
        assertThat(band.alerts(0.58)).isTrue();
        assertThat(band.alerts(0.6)).isFalse();
        assertThat(band.alerts(0.68)).as("better than the reference ever was alerts too").isTrue();
    }

    @Test
    void theBandIsClippedToTheValuesTheMetricCanTake() {
        // np.nanmean(a) + 3 * np.nanstd(a) = 1.0229857113690717 for a = [0.98, 1.0, 0.99, 0.97, 1.0]
        MetricBand band = MetricBand.of(new double[]{0.98, 1.0, 0.99, 0.97, 1.0}, 0, 1).orElseThrow();

        assertThat(band.lower()).isCloseTo(0.9530142886309281, within(1e-15));
        assertThat(band.upper()).isEqualTo(1.0);
        assertThat(band.alerts(1.0)).isFalse();
    }

    @Test
    void aChunkWithoutTheFigureIsLeftOutAndNoFigureAtAllGivesNoBand() {
        MetricBand band = MetricBand.of(new double[]{0.5, Double.NaN, 0.7}, 0, 1).orElseThrow();

        assertThat(band.lower()).isCloseTo(0.3, within(1e-15));
        assertThat(band.upper()).isCloseTo(0.9, within(1e-15));
        assertThat(MetricBand.of(new double[]{Double.NaN}, 0, 1)).isEmpty();
    }
}
