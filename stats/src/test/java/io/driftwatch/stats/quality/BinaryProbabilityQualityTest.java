package io.driftwatch.stats.quality;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.IntFunction;

import static io.driftwatch.stats.quality.QualityReference.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A binary model that logs one probability, scored as scikit-learn scores {@code y_true} against a one-column
 * {@code y_score}: {@code accuracy_score(y, p >= 0.5)}, {@code roc_auc_score(y, p)} and {@code log_loss(y, p)},
 * which reads p as the probability of the greater label and 1 - p as the other's. The expected values are
 * worked out by hand below.
 */
class BinaryProbabilityQualityTest {
    private static final double[] LABELS = {1, 0, 1, 1, 0, 0};
    private static final double[] PROBABILITIES = {0.9, 0.4, 0.4, 0.8, 0.1, 0.65};

    // p >= 0.5 predicts 1, 0, 0, 1, 0, 1: rows 2 (a positive at 0.4) and 5 (a negative at 0.65) are wrong.
    private static final double ACCURACY = 4 / 6.0;
    // Positives scored 0.9, 0.4, 0.8 against negatives 0.4, 0.1, 0.65: 0.9 and 0.8 beat all three, 0.4 beats 0.1
    // and ties 0.4 (half a pair): 7.5 of 9 pairs.
    private static final double ROC_AUC = 7.5 / 9;
    // The true class's probability: p for a 1, 1 - p for a 0.
    private static final double LOG_LOSS = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.4) + Math.log(0.8)
            + Math.log(0.9) + Math.log(0.35)) / 6;
    // Each class: 2 right, 1 wrongly predicted as it, 1 of it missed: F1 = 2 * 2 / (2 * 2 + 1 + 1).
    private static final double MACRO_F1 = 4 / 6.0;

    private static QualitySummary tallied(IntFunction<LabelledOutcome> outcome) {
        QualityTally merged = new QualityTally(0);
        for (int part = 0; part < 2; part++) {
            QualityTally partial = new QualityTally(0);
            for (int i = part; i < LABELS.length; i += 2) {
                partial.addPrediction();
                partial.add(outcome.apply(i));
            }
            merged.merge(QualityTallyCodec.fromBytes(QualityTallyCodec.toBytes(partial)));
        }
        return merged.summary();
    }

    private static void assertScikitLearnsBinaryMetrics(QualitySummary summary) {
        assertThat(summary.task()).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(summary.metrics().get("accuracy")).isCloseTo(ACCURACY, within(TOLERANCE));
        assertThat(summary.metrics().get("roc_auc")).isCloseTo(ROC_AUC, within(TOLERANCE));
        assertThat(summary.metrics().get("log_loss")).isCloseTo(LOG_LOSS, within(TOLERANCE));
        assertThat(summary.metrics().get("macro_f1")).isCloseTo(MACRO_F1, within(TOLERANCE));
        assertThat(summary.metrics()).doesNotContainKeys("mae", "mape");
        assertThat(summary.perClass()).extracting(ClassMetrics::label).containsExactly("0", "1");
    }

    @Test
    void aProbabilityLoggedAsThePredictionBesideLabelsZeroAndOneGivesScikitLearnsBinaryMetrics() {
        assertScikitLearnsBinaryMetrics(tallied(i ->
                OutcomeTyping.AUTO.outcome(PROBABILITIES[i], LABELS[i], Map.of(), Map.of(), 0)));
    }

    @Test
    void aClassPredictionWithThePositiveClassesProbabilityAsItsOnlyScoreGivesTheSameMetrics() {
        assertScikitLearnsBinaryMetrics(tallied(i -> OutcomeTyping.AUTO.outcome(PROBABILITIES[i] >= 0.5 ? 1.0 : 0.0,
                LABELS[i], Map.of("1", PROBABILITIES[i]), Map.of(), 0)));
    }

    @Test
    void trueAndFalseLabelsWithOneProbabilityGiveTheSameMetricsAsOneAndZero() {
        QualitySummary summary = tallied(i -> OutcomeTyping.AUTO.outcome(PROBABILITIES[i],
                LABELS[i] == 1 ? "TRUE" : "False", Map.of(), Map.of(), 0));

        assertThat(summary.metrics().get("roc_auc")).isCloseTo(ROC_AUC, within(TOLERANCE));
        assertThat(summary.metrics().get("log_loss")).isCloseTo(LOG_LOSS, within(TOLERANCE));
        assertThat(summary.perClass()).extracting(ClassMetrics::label).containsExactly("false", "true");
    }

    @Test
    void aConfidentMissIsClippedToMachineEpsilonAsScikitLearnClipsOneMinusP() {
        // A 0 scored p = 1: probability 1 - 1 = 0 for the true class, clipped to eps; a 1 scored p = 1 loses 0 (1 - eps).
        QualityTally tally = new QualityTally(0);
        tally.add(OutcomeTyping.AUTO.outcome(1.0, 0.0, Map.of("1", 1.0), Map.of(), 0));
        tally.add(OutcomeTyping.AUTO.outcome(1.0, 1.0, Map.of("1", 1.0), Map.of(), 0));

        double eps = Math.ulp(1.0);
        assertThat(tally.summary().metrics().get("log_loss"))
                .isCloseTo((-Math.log(eps) - Math.log(1 - eps)) / 2, within(TOLERANCE));
        assertThat(tally.summary().metrics().get("accuracy")).isEqualTo(0.5);
    }

    @Test
    void theLossIsScikitLearnsWhateverClassThePositiveIs() {
        OutcomeTyping zeroIsPositive = new OutcomeTyping(TaskChoice.AUTO, "0");
        QualitySummary summary = tallied(i -> zeroIsPositive.outcome(1 - PROBABILITIES[i], LABELS[i], Map.of(), Map.of(), 0));

        // 1 - p of class 0 is p of class 1: the same pairs, the same numbers.
        assertThat(summary.metrics().get("roc_auc")).isCloseTo(ROC_AUC, within(TOLERANCE));
        assertThat(summary.metrics().get("log_loss")).isCloseTo(LOG_LOSS, within(1e-12));
        assertThat(summary.metrics().get("accuracy")).isCloseTo(ACCURACY, within(TOLERANCE));
    }
}
