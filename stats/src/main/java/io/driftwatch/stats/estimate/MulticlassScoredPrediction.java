package io.driftwatch.stats.estimate;

import io.driftwatch.stats.quality.ClassName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What multiclass CBPE reads of one logged prediction: every class's score, in the fit's class order, and the
 * predicted class's index. The stream's rule for its inference logs, so a window holds the pairs {@code check} reads
 * from a file's score columns. Keys and the prediction are spelled as {@link ClassName} spells them.
 */
public final class MulticlassScoredPrediction {
    private final double[] scores;
    private final int predictedClass;

    /** @throws EstimationRefusedException when a score is not a probability in [0, 1] */
    public MulticlassScoredPrediction(double[] scores, int predictedClass) {
        this.scores = scores.clone();
        Scores.checkAll(this.scores);
        this.predictedClass = predictedClass;
    }

    /** One score per class, in the fit's class order. */
    public double[] scores() {
        return scores.clone();
    }

    /** The predicted class's index. */
    public int predictedClass() {
        return predictedClass;
    }

    /**
     * An inference log's pair.
     *
     * @return empty when a class's score is missing or the prediction is not one of the classes
     * @throws EstimationRefusedException when a score is not a probability in [0, 1]
     */
    public static Optional<MulticlassScoredPrediction> ofLogged(Object prediction, Map<String, Double> classScores,
                                                                List<String> classes) {
        int predicted = classes.indexOf(ClassName.of(prediction));
        if (predicted < 0) {
            return Optional.empty();
        }
        double[] scores = new double[classes.size()];
        boolean[] seen = new boolean[classes.size()];
        for (Map.Entry<String, Double> entry : classScores.entrySet()) {
            int c = classes.indexOf(ClassName.of(entry.getKey()));
            if (c >= 0 && entry.getValue() != null) {
                scores[c] = entry.getValue();
                seen[c] = true;
            }
        }
        for (boolean classSeen : seen) {
            if (!classSeen) {
                return Optional.empty();
            }
        }
        return Optional.of(new MulticlassScoredPrediction(scores, predicted));
    }
}
