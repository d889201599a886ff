package io.driftwatch.stats.estimate;

import io.driftwatch.stats.quality.BinaryClasses;
import io.driftwatch.stats.quality.ClassName;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Optional;

/**
 * What CBPE reads of one prediction of a binary classifier: the model's probability of the positive class and whether
 * it predicted that class. One rule for {@code check}'s rows and the stream's inference logs, so both estimate from
 * the same pairs. The prediction is a class, named as {@link ClassName} spells it ("1", 1 and 1.0 are one class), or,
 * for labels 0/1 or true/false, the positive class's probability itself: predicted positive when at least 0.5, as
 * the realized quality reads it ({@link io.driftwatch.stats.quality.OutcomeTyping}).
 *
 * @param score             the probability of the positive class, in [0, 1]
 * @param predictedPositive whether the model predicted the positive class
 */
public record ScoredPrediction(double score, boolean predictedPositive) {
    static final double DECISION_THRESHOLD = 0.5;

    public ScoredPrediction {
        Scores.checked(score);
    }

    /**
     * A row's pair.
     *
     * @param prediction    a {@link Double} or a {@link String}
     * @param score         the positive class's probability; null to take it from a probability prediction
     * @param positiveClass the positive class, as {@link ClassName} spells it
     * @return empty when the row gives no score (no score and a class for prediction)
     * @throws EstimationRefusedException when the score is not a probability in [0, 1]
     */
    public static Optional<ScoredPrediction> of(Object prediction, @Nullable Double score, String positiveClass) {
        if (isProbability(prediction, positiveClass)) {
            double probability = (Double) prediction;
            return Optional.of(new ScoredPrediction(score == null ? probability : score,
                    probability >= DECISION_THRESHOLD));
        }
        if (score == null) {
            return Optional.empty();
        }
        return Optional.of(new ScoredPrediction(score, ClassName.of(prediction).equals(positiveClass)));
    }

    /**
     * An inference log's pair: the score is the positive class's entry of the logged class scores (keys spelled as
     * {@link ClassName} spells them), else a probability prediction.
     */
    public static Optional<ScoredPrediction> ofLogged(Object prediction, Map<String, Double> classScores,
                                                      String positiveClass) {
        Double score = null;
        for (Map.Entry<String, Double> entry : classScores.entrySet()) {
            if (ClassName.of(entry.getKey()).equals(positiveClass)) {
                score = entry.getValue();
            }
        }
        return of(prediction, score, positiveClass);
    }

    private static boolean isProbability(Object prediction, String positiveClass) {
        return prediction instanceof Double number && BinaryClasses.isBinary(positiveClass)
                && number >= 0 && number <= 1 && number != Math.rint(number);
    }
}
