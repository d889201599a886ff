package io.driftwatch.stats.estimate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RankedProbabilitiesTest {

    @Test
    void estimatesRocAucAndAveragePrecisionOfTiedScoresFromCalibratedProbabilities() {
        ScoreCalibration calibration = CalibrationRule.fit(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        RankedProbabilities window = new RankedProbabilities();
        for (double score : CbpeCases.doubles("binary", "analysis_scores")) {
            window.add(score, calibration.calibrate(score));
        }
        // cbpe_reference.py estimated_roc_auc / estimated_ap: cumulative p by descending score, rounded to 5 decimals
        assertEquals(0.6927787879915287, window.rocAuc(), CbpeCases.TOLERANCE);
        assertEquals(0.7012667050614786, window.averagePrecision(), CbpeCases.TOLERANCE);
    }

    @Test
    void estimatesRankingMetricsOfCalibratedScoresFromTheScoresThemselves() {
        RankedProbabilities window = new RankedProbabilities();
        RankedProbabilities otherHalf = new RankedProbabilities();
        double[] scores = CbpeCases.doubles("calibrated", "scores");
        for (int i = 0; i < scores.length; i++) {
            (i < 300 ? window : otherHalf).add(scores[i], scores[i]);
        }
        window.merge(otherHalf);
        assertThat(window.size()).isEqualTo(1000);
        assertEquals(0.7595834932731101, window.rocAuc(), CbpeCases.TOLERANCE);
        assertEquals(0.7518914746063572, window.averagePrecision(), CbpeCases.TOLERANCE);
    }

    @Test
    void aWindowExpectingNoPositiveHasNoRocAuc() {
        RankedProbabilities window = new RankedProbabilities();
        window.add(0.0, 0.0);
        window.add(0.1, 0.0);
        assertThat(window.rocAuc()).isNaN();
        assertThat(window.averagePrecision()).isNaN();
    }
}
