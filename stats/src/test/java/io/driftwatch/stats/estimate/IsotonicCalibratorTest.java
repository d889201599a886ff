package io.driftwatch.stats.estimate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IsotonicCalibratorTest {

    @Test
    void calibratesTiedScoresAsTheNumPyPoolAdjacentViolatorsFit() {
        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        double[] probe = {0.0, 0.005, 0.33, 0.335, 0.5, 0.777, 0.99, 1.0};
        // cbpe_reference.py isotonic_predict: ties merged to their mean, PAV, np.interp, clipped to the fitted range
        double[] expected = {0.0, 0.0, 0.20454545454545456, 0.20454545454545456, 0.32051282051282054,
                0.5929729729729729, 0.8888888888888888, 0.8888888888888888};
        for (int i = 0; i < probe.length; i++) {
            assertEquals(expected[i], calibrator.calibrate(probe[i]), CbpeCases.TOLERANCE, "score " + probe[i]);
        }
    }

    @Test
    void mergesTiesPoolsViolatorsAndInterpolatesOnASmallCase() {
        // ties at 0.2 (labels 1, 0 -> 0.5) and a violator 0.4 -> 0 pooled with 0.2: (0.5*2 + 0) / 3 = 1/3
        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(
                new double[] {0.1, 0.2, 0.2, 0.4, 0.8}, new boolean[] {false, true, false, false, true});
        assertArrayEquals(new double[] {0.1, 0.2, 0.4, 0.8}, calibrator.breakpoints(), 0.0);
        assertArrayEquals(new double[] {0.0, 1.0 / 3, 1.0 / 3, 1.0}, calibrator.values(), 1e-15);
        assertEquals(1.0 / 3 + (0.6 - 0.4) / 0.4 * (2.0 / 3), calibrator.calibrate(0.6), 1e-15);
        assertEquals(0.0, calibrator.calibrate(0.05), 0.0);
        assertEquals(1.0, calibrator.calibrate(0.95), 0.0);
    }

    @Test
    void storedFormCalibratesAsTheFit() {
        IsotonicCalibrator fitted = IsotonicCalibrator.fit(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        IsotonicCalibrator stored = IsotonicCalibrator.of(fitted.breakpoints(), fitted.values());
        assertThat(stored.calibrate(0.777)).isEqualTo(fitted.calibrate(0.777));
        assertThat(fitted.breakpoints().length).isLessThan(CbpeCases.doubles("binary", "scores").length);
    }

    @Test
    void refusesAScoreOutsideTheUnitInterval() {
        assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.2, 1.2}, new boolean[] {false, true}))
                .isInstanceOf(EstimationRefusedException.class)
                .hasMessageContaining("score 1.2 is outside [0, 1]");
    }
}
