package io.driftwatch.stats.quality;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One prediction with its true label: what a quality tally counts. A pair is a classification when the
 * label or the prediction is a class name, or when class scores were logged; otherwise a regression.
 * A numeric class is named by its shortest form ({@code 1.0} is class {@code "1"}), so numeric labels
 * match string predictions of the same class; with class scores and a numeric prediction that names no
 * scored class (a score rather than a class), the predicted class is the one scored highest.
 *
 * @param predicted        the prediction, a {@link String} or a {@link Double}
 * @param actual           the true label, a {@link String} or a {@link Double}
 * @param classScores      score or probability per class name; empty when the model logs none
 * @param segments         segment tags of the prediction (country, channel ...); empty when none
 * @param labelDelayMillis label event time minus prediction event time; negative when the label came first
 */
public record LabelledOutcome(Object predicted, Object actual, Map<String, Double> classScores,
                              Map<String, String> segments, long labelDelayMillis) {
    public LabelledOutcome {
        requireNonNull(predicted, "predicted");
        requireNonNull(actual, "actual");
        if (!(predicted instanceof String || predicted instanceof Double) || !(actual instanceof String || actual instanceof Double)) {
            throw new IllegalArgumentException("prediction and label must be a String or a Double, got "
                    + predicted.getClass().getSimpleName() + " and " + actual.getClass().getSimpleName());
        }
        classScores = Map.copyOf(classScores);
        segments = Map.copyOf(segments);
    }

    public ModelTask task() {
        return predicted instanceof String || actual instanceof String || !classScores.isEmpty()
                ? ModelTask.CLASSIFICATION : ModelTask.REGRESSION;
    }

    /** The predicted class; for a classification only. */
    public String predictedClass() {
        if (predicted instanceof String name) {
            return name;
        }
        String named = className((Double) predicted);
        if (classScores.isEmpty() || classScores.containsKey(named)) {
            return named;
        }
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> entry : new TreeMap<>(classScores).entrySet()) {
            if (entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
            }
        }
        return best != null ? best : named;
    }

    public String actualClass() {
        return actual instanceof String name ? name : className((Double) actual);
    }

    static String className(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
