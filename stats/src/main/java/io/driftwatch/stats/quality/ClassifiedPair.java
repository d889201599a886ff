package io.driftwatch.stats.quality;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A labelled pair of classes, spelled as {@link ClassName} spells them, with the class scores the model logged.
 * Several scores are probabilities per class; a class without one has probability 0. A single score is a binary
 * model's probability p of its positive class, the class it is keyed by, and every other class has 1 - p: what
 * scikit-learn reads from a one-column {@code y_score} in {@code roc_auc_score} and {@code log_loss}.
 *
 * @param classScores score or probability per class name; empty when the model logged none
 */
public record ClassifiedPair(String predictedClass, String actualClass, Map<String, Double> classScores)
        implements LabelledPair {
    public ClassifiedPair {
        requireNonNull(predictedClass, "predictedClass");
        requireNonNull(actualClass, "actualClass");
        classScores = Map.copyOf(classScores);
    }

    @Override
    public TaskKind task() {
        return TaskKind.CLASSIFICATION;
    }

    /** Whether the pair counts towards ROC AUC and log loss: scores were logged and every one is a finite number. */
    public boolean scored() {
        return !classScores.isEmpty() && classScores.values().stream().allMatch(Double::isFinite);
    }

    /** The probability the scores give the true class, before clipping; for a scored pair only. */
    public double actualProbability() {
        if (classScores.size() == 1 && !classScores.containsKey(actualClass)) {
            return 1 - classScores.values().iterator().next();
        }
        return classScores.getOrDefault(actualClass, 0.0);
    }
}
