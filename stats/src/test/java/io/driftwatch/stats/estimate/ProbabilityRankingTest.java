package io.driftwatch.stats.estimate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbabilityRankingTest {

    @Test
    void exactEstimatesEqualRankedProbabilitiesBitForBitOnTheCalibratedBinaryWindow() {
        ScoreCalibration calibration = CalibrationRule.fit(
                CbpeCases.doubles("binary", "scores"), CbpeCases.labels("binary"));
        RankedProbabilities rows = new RankedProbabilities();
        ProbabilityRanking ranking = new ProbabilityRanking();
        for (double score : CbpeCases.doubles("binary", "analysis_scores")) {
            rows.add(score, calibration.calibrate(score));
            ranking.add(calibration.calibrate(score));
        }
        assertThat(ranking.exact()).isTrue();
        assertThat(ranking.count()).isEqualTo(rows.size());
        assertEquals(rows.rocAuc(), ranking.rocAuc(), 0);
        assertEquals(rows.averagePrecision(), ranking.averagePrecision(), 0);
        // cbpe_reference.py estimated_roc_auc / estimated_ap
        assertEquals(0.6927787879915287, ranking.rocAuc(), CbpeCases.TOLERANCE);
        assertEquals(0.7012667050614786, ranking.averagePrecision(), CbpeCases.TOLERANCE);
        assertThat(ranking.rocAucErrorBound()).isZero();
        assertThat(ranking.averagePrecisionErrorBound()).isZero();
    }

    @Test
    void exactEstimatesEqualRankedProbabilitiesBitForBitOnCalibratedScores() {
        RankedProbabilities rows = new RankedProbabilities();
        ProbabilityRanking ranking = new ProbabilityRanking();
        for (double score : CbpeCases.doubles("calibrated", "scores")) {
            rows.add(score, score);
            ranking.add(score);
        }
        assertThat(ranking.exact()).isTrue();
        assertEquals(rows.rocAuc(), ranking.rocAuc(), 0);
        assertEquals(rows.averagePrecision(), ranking.averagePrecision(), 0);
        assertEquals(0.7595834932731101, ranking.rocAuc(), CbpeCases.TOLERANCE);
        assertEquals(0.7518914746063572, ranking.averagePrecision(), CbpeCases.TOLERANCE);
    }

    @Test
    void mergingHalvesGivesTheWholeBitForBitWhileExact() {
        double[] scores = CbpeCases.doubles("calibrated", "scores");
        ProbabilityRanking whole = new ProbabilityRanking();
        ProbabilityRanking first = new ProbabilityRanking();
        ProbabilityRanking second = new ProbabilityRanking();
        for (int i = 0; i < scores.length; i++) {
            whole.add(scores[i]);
            (i % 3 == 0 ? first : second).add(scores[i]);
        }
        second.merge(first);
        assertThat(second.exact()).isTrue();
        assertThat(second.count()).isEqualTo(whole.count());
        assertEquals(whole.rocAuc(), second.rocAuc(), 0);
        assertEquals(whole.averagePrecision(), second.averagePrecision(), 0);
    }

    @Test
    void mergingHalvesGivesTheWholeWithin1e12OnceBounded() {
        double[] probabilities = uniform(new Random(11), 5000);
        ProbabilityRanking whole = new ProbabilityRanking(256);
        ProbabilityRanking first = new ProbabilityRanking(256);
        ProbabilityRanking second = new ProbabilityRanking(256);
        for (int i = 0; i < probabilities.length; i++) {
            whole.add(probabilities[i]);
            (i < 200 ? first : second).add(probabilities[i]);
        }
        assertThat(first.exact()).isTrue();
        first.merge(second);
        assertThat(first.exact()).isFalse();
        assertThat(first.count()).isEqualTo(5000);
        assertEquals(whole.rocAuc(), first.rocAuc(), 1e-12);
        assertEquals(whole.averagePrecision(), first.averagePrecision(), 1e-12);
        assertEquals(whole.rocAucErrorBound(), first.rocAucErrorBound(), 1e-12);
        RankedProbabilities rows = rankedByScore(probabilities);
        assertThat(Math.abs(first.rocAuc() - rows.rocAuc())).isLessThanOrEqualTo(first.rocAucErrorBound());
        assertThat(Math.abs(first.averagePrecision() - rows.averagePrecision()))
                .isLessThanOrEqualTo(first.averagePrecisionErrorBound());
    }

    @Test
    void collapsesExactlyWhenTheDistinctProbabilitiesExceedTheCap() {
        ProbabilityRanking ranking = new ProbabilityRanking(8);
        for (int i = 0; i < 8; i++) {
            ranking.add(i / 10.0);
            ranking.add(i / 10.0);
        }
        assertThat(ranking.exact()).isTrue();
        ProbabilityRanking added = filled(8, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.7);
        assertThat(added.exact()).isTrue();
        added.add(0.8);
        assertThat(added.exact()).isFalse();
        ProbabilityRanking ninth = new ProbabilityRanking(8);
        ninth.add(0.95);
        ranking.merge(ninth);
        assertThat(ranking.exact()).isFalse();
        assertThat(ranking.count()).isEqualTo(17);
    }

    @Test
    void mergingAnExactRankingIntoABoundedOneKeepsItBounded() {
        ProbabilityRanking bounded = new ProbabilityRanking(2);
        bounded.add(0.1);
        bounded.add(0.5);
        bounded.add(0.9);
        ProbabilityRanking exact = new ProbabilityRanking(2);
        exact.add(0.7);
        exact.merge(bounded);
        assertThat(exact.exact()).isFalse();
        assertThat(exact.count()).isEqualTo(4);
        // cells [0, 0.5) and [0.5, 1]: 0.9, 0.7, 0.5 then 0.1, so TP 2.1 then 2.2 and FP 0.9 then 1.8
        assertEquals(0.9 / 1.8 * (2.1 / 2.2) / 2 + 0.9 / 1.8 * (2.1 / 2.2 + 1) / 2, exact.rocAuc(), 1e-12);
    }

    @Test
    void refusesToMergeRankingsWithDifferentCaps() {
        assertThatThrownBy(() -> new ProbabilityRanking(16).merge(new ProbabilityRanking(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinctMax 32").hasMessageContaining("16");
    }

    @Test
    void refusesAProbabilityOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new ProbabilityRanking().add(1.2)).isInstanceOf(EstimationRefusedException.class);
        assertThatThrownBy(() -> new ProbabilityRanking().add(Double.NaN))
                .isInstanceOf(EstimationRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 2048})
    void aWindowWithoutExpectedPositivesOrNegativesHasTheEstimatesRankedProbabilitiesLacks(int distinctMax) {
        assertThat(new ProbabilityRanking(distinctMax).rocAuc()).isNaN();
        assertThat(new ProbabilityRanking(distinctMax).averagePrecision()).isNaN();
        ProbabilityRanking noPositive = filled(distinctMax, 0.0, 1e-7, 2e-7);
        assertThat(noPositive.rocAuc()).isNaN();
        assertThat(noPositive.averagePrecision()).isNaN();
        if (noPositive.exact()) {
            assertThat(noPositive.averagePrecisionErrorBound()).isZero();
        } else {
            assertThat(noPositive.averagePrecisionErrorBound()).isNaN();
        }
        ProbabilityRanking noNegative = filled(distinctMax, 1.0, 1.0, 1.0, 1.0);
        assertThat(noNegative.rocAuc()).isNaN();
        assertEquals(1.0, noNegative.averagePrecision(), 0);
    }

    @Test
    void boundedEstimatesStayWithinTheirStatedBoundsOfTheExactOnes() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            checkBounds("uniform", 2048, uniform(random, 3000 + random.nextInt(9000)));
            checkBounds("near zero", 2048, transformed(uniform(random, 4000), u -> Math.pow(u, 6)));
            checkBounds("near one", 512, transformed(uniform(random, 4000), u -> 1 - Math.pow(u, 6)));
            checkBounds("one cell", 2048, transformed(uniform(random, 3000), u -> 0.5 + u * 1e-4));
            checkBounds("ties at both ends", 1024,
                    transformed(uniform(random, 5000), u -> u < 0.3 ? 0 : u > 0.7 ? 1 : u));
            checkBounds("two decimals", 50, transformed(uniform(random, 2000), u -> Math.rint(u * 100) / 100));
            checkBounds("tiny", 1, uniform(random, 2 + random.nextInt(4)));
            checkBounds("tiny", 2, uniform(random, 3 + random.nextInt(4)));
            checkBounds("tiny", 3, uniform(random, 4 + random.nextInt(4)));
        }
    }

    private static ProbabilityRanking checkBounds(String shape, int distinctMax, double[] probabilities) {
        RankedProbabilities rows = rankedByScore(probabilities);
        ProbabilityRanking ranking = filled(distinctMax, probabilities);
        String description = shape + ", " + probabilities.length + " rows, " + distinctMax + " cells";
        assertThat(ranking.exact()).as(description).isFalse();
        assertThat(Math.abs(ranking.rocAuc() - rows.rocAuc())).as(description)
                .isLessThanOrEqualTo(ranking.rocAucErrorBound());
        assertThat(Math.abs(ranking.averagePrecision() - rows.averagePrecision())).as(description)
                .isLessThanOrEqualTo(ranking.averagePrecisionErrorBound());
        return ranking;
    }

    @Test
    void theBoundsOfTenThousandUniformRowsInTheDefaultCellsAreUseful() {
        double[] probabilities = uniform(new Random(7), 10_000);
        ProbabilityRanking ranking = checkBounds("useful", ProbabilityRanking.DEFAULT_DISTINCT_MAX, probabilities);
        // measured: 1.96e-4 (ROC AUC, actual error 8e-8) and 2.53e-4 (average precision, actual error 1.2e-4)
        assertThat(ranking.rocAucErrorBound()).isLessThan(3e-4);
        assertThat(ranking.averagePrecisionErrorBound()).isLessThan(4e-4);
    }

    private static double[] transformed(double[] values, DoubleUnaryOperator transform) {
        double[] transformedValues = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            transformedValues[i] = transform.applyAsDouble(values[i]);
        }
        return transformedValues;
    }

    private static ProbabilityRanking filled(int distinctMax, double... probabilities) {
        ProbabilityRanking ranking = new ProbabilityRanking(distinctMax);
        for (double probability : probabilities) {
            ranking.add(probability);
        }
        return ranking;
    }

    static double[] uniform(Random random, int rows) {
        double[] probabilities = new double[rows];
        for (int i = 0; i < rows; i++) {
            probabilities[i] = random.nextDouble();
        }
        return probabilities;
    }

    /** Ranks the rows by a score of which p is an increasing function, as a binary model's calibration is. */
    static RankedProbabilities rankedByScore(double[] probabilities) {
        RankedProbabilities rows = new RankedProbabilities();
        DoubleUnaryOperator score = p -> Math.sqrt(p);
        for (double probability : probabilities) {
            rows.add(score.applyAsDouble(probability), probability);
        }
        return rows;
    }
}
