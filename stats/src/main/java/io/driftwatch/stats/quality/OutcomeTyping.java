package io.driftwatch.stats.quality;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The one rule that decides whether a prediction and its label are two classes or two quantities, used by the
 * stream's label join and by {@code baseline --labels} alike, so a window's quality and the baseline's are
 * computed the same way. It looks at one pair at a time, which keeps the tallies mergeable. With
 * {@link TaskChoice#AUTO}, a pair is a classification when
 * <ol>
 *   <li>the label or the prediction is a class name (a string, true/false included), or</li>
 *   <li>class scores were logged, or</li>
 *   <li>both are whole numbers (classes 0/1, or 0 to 9, written as numbers), or</li>
 *   <li>the label is 0/1 or true/false and the prediction a number in [0, 1]: a binary model's probability;</li>
 * </ol>
 * otherwise it is a regression. {@link TaskChoice#CLASSIFICATION} and {@link TaskChoice#REGRESSION} settle every
 * pair of two numbers. In a classification, a prediction in (0, 1) beside a label 0/1 or true/false with no
 * scores logged is the positive class's probability: it becomes that class's score, and the predicted class is
 * the positive one when it is at least 0.5, else the other. The positive class is {@code positiveClass} when it
 * belongs to the label's pair, else 1 or true ({@link BinaryClasses}).
 *
 * @param positiveClass the class a lone probability is of, as a person types it ({@link ClassName#ofTyped}); null for the default
 */
public record OutcomeTyping(TaskChoice task, @Nullable String positiveClass) {
    /** Decide per pair, positive class 1 or true: the stream's and the baseline's default. */
    public static final OutcomeTyping AUTO = new OutcomeTyping(TaskChoice.AUTO, null);
    static final double DECISION_THRESHOLD = 0.5;

    public OutcomeTyping {
        requireNonNull(task, "task");
        positiveClass = positiveClass == null ? null : ClassName.ofTyped(positiveClass);
    }

    /**
     * @param prediction       a {@link Double} or a {@link String}
     * @param label            a {@link Double} or a {@link String}
     * @param classScores      score or probability per class name as logged; empty for none
     * @param segments         segment tags of the prediction; empty for none
     * @param labelDelayMillis label event time minus prediction event time
     */
    public LabelledOutcome outcome(Object prediction, Object label, Map<String, Double> classScores,
                                   Map<String, String> segments, long labelDelayMillis) {
        return new LabelledOutcome(pair(prediction, label, classScores), segments, labelDelayMillis);
    }

    /** The pair typed by the rule above. */
    public LabelledPair pair(Object prediction, Object label, Map<String, Double> classScores) {
        requireValue(prediction, "prediction");
        requireValue(label, "label");
        if (prediction instanceof Double predicted && label instanceof Double actual
                && isRegression(predicted, actual, classScores)) {
            return new RegressedPair(predicted, actual);
        }
        return classified(prediction, ClassName.of(label), classScores);
    }

    private boolean isRegression(double predicted, double actual, Map<String, Double> classScores) {
        return switch (task) {
            case REGRESSION -> true;
            case CLASSIFICATION -> false;
            case AUTO -> classScores.isEmpty() && !(ClassName.isWhole(predicted) && ClassName.isWhole(actual))
                    && !(BinaryClasses.isBinary(ClassName.of(actual)) && predicted >= 0 && predicted <= 1);
        };
    }

    private ClassifiedPair classified(Object prediction, String actualClass, Map<String, Double> loggedScores) {
        Map<String, Double> scores = new TreeMap<>();
        loggedScores.forEach((label, score) -> scores.put(ClassName.of(label), score));
        if (!(prediction instanceof Double predicted)) {
            return new ClassifiedPair(ClassName.of(prediction), actualClass, scores);
        }
        Optional<String> positive = positiveOf(actualClass);
        if (scores.isEmpty() && positive.isPresent() && predicted > 0 && predicted < 1) {
            scores.put(positive.get(), predicted);
        }
        return new ClassifiedPair(predictedClass(predicted, scores), actualClass, scores);
    }

    private Optional<String> positiveOf(String actualClass) {
        Optional<String> other = BinaryClasses.otherOf(actualClass);
        if (other.isPresent() && positiveClass != null
                && (positiveClass.equals(actualClass) || positiveClass.equals(other.get()))) {
            return Optional.of(positiveClass);
        }
        return BinaryClasses.defaultPositive(actualClass);
    }

    /**
     * A number that names a scored class is that class, and so is a whole number beside no score or one. Any other
     * number is a score, not a class, and the predicted class is the one the scores favour: with one score p, the
     * positive class when p is at least 0.5, else the other (known only for 0/1 and true/false, so a named class's
     * probability stays a number that names no class); with several, the class scored highest.
     */
    private static String predictedClass(double predicted, Map<String, Double> scores) {
        String named = ClassName.of(predicted);
        if (scores.isEmpty() || scores.containsKey(named) || (scores.size() == 1 && ClassName.isWhole(predicted))) {
            return named;
        }
        if (scores.size() == 1) {
            Map.Entry<String, Double> positive = scores.entrySet().iterator().next();
            Optional<String> negative = BinaryClasses.otherOf(positive.getKey());
            if (negative.isEmpty()) {
                return named;
            }
            return positive.getValue() >= DECISION_THRESHOLD ? positive.getKey() : negative.get();
        }
        String best = named;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> score : scores.entrySet()) {
            if (score.getValue() > bestScore) {
                best = score.getKey();
                bestScore = score.getValue();
            }
        }
        return best;
    }

    private static void requireValue(Object value, String name) {
        requireNonNull(value, name);
        if (!(value instanceof String || value instanceof Double)) {
            throw new IllegalArgumentException(name + " must be a String or a Double, got " + value.getClass().getSimpleName());
        }
    }
}
