package io.driftwatch.stats.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected values from NumPy 2.4: {@code np.nanmean(a) + 3 * np.nanstd(a)} (ddof 0). */
class StandardDeviationBandTest {

    @Test
    void upperThresholdIsNumpysMeanPlusThreePopulationStandardDeviations() {
        double[] statistics = {0.031, 0.047, 0.052, 0.029, 0.061, 0.044, 0.038, 0.055, 0.049, 0.036};
        StandardDeviationBand band = StandardDeviationBand.of(statistics).orElseThrow();
        assertThat(band.mean()).isCloseTo(0.044199999999999996, within(1e-15));
        assertThat(band.standardDeviation()).isCloseTo(0.010007996802557442, within(1e-15));
        assertThat(band.upper(3)).isCloseTo(0.07422399040767233, within(1e-15));
        assertThat(band.count()).isEqualTo(10);
    }

    @Test
    void aChunkWithoutAStatisticIsLeftOutAsNumpysNanFunctionsLeaveItOut() {
        StandardDeviationBand band = StandardDeviationBand.of(new double[]{0.12, Double.NaN, 0.18, 0.15}).orElseThrow();
        assertThat(band.upper(3)).isCloseTo(0.22348469228349532, within(1e-15));
        assertThat(band.count()).isEqualTo(3);
    }

    @Test
    void noFiniteStatisticGivesNoBand() {
        assertThat(StandardDeviationBand.of(new double[]{Double.NaN})).isEmpty();
        assertThat(StandardDeviationBand.of(new double[0])).isEmpty();
    }
}
