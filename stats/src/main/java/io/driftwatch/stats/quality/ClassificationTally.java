package io.driftwatch.stats.quality;

import io.driftwatch.stats.arithmetic.ExactSum;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Mergeable counts behind a classifier's quality: the confusion matrix, and when class scores were logged
 * the per-class score histograms (ROC AUC) and the summed log loss. Metrics follow scikit-learn: precision,
 * recall and F1 per class and macro-averaged over every class seen as a label or a prediction
 * ({@code zero_division=0}); ROC AUC one-vs-rest, macro-averaged over the scored classes that have both
 * positives and negatives; log loss with probabilities clipped to [eps, 1 - eps], eps the double's machine
 * epsilon (scikit-learn 1.5 and later: no renormalization, so scores should be probabilities that sum to
 * one; a true class without a score counts as probability eps). A binary model's lone score p is its positive
 * class's probability ({@link ClassifiedPair}): the ROC AUC is that class's, which is scikit-learn's binary ROC
 * AUC of p, and the other class has probability 1 - p in the log loss. Exact for any split and merge order, the log
 * loss included ({@link ExactSum}). Balanced accuracy is scikit-learn's: the mean recall over the classes that
 * occurred as labels. When at most two classes were seen and one of them is the positive class
 * ({@link #binary}), the positive class's figures follow as scikit-learn's {@code average='binary'} defines them
 * (precision, recall, F1), with specificity and the positive class's average precision
 * ({@link ScoreHistogram#averagePrecision()}); a figure whose denominator is zero is left out
 * ({@link BinaryConfusion}). Not thread-safe.
 */
public final class ClassificationTally {
    static final double EPS = Math.ulp(1.0);

    private final TreeMap<String, TreeMap<String, Long>> confusion = new TreeMap<>();
    private final TreeMap<String, ScoreHistogram> scoresByClass = new TreeMap<>();
    private final ExactSum logLossSum = new ExactSum();
    private long scored;

    void add(ClassifiedPair pair) {
        String actual = pair.actualClass();
        addCell(actual, pair.predictedClass(), 1);
        if (!pair.scored()) {
            return;
        }
        pair.classScores().forEach((label, score) -> scoresByClass.computeIfAbsent(label, k -> new ScoreHistogram())
                .add(score, label.equals(actual)));
        double probability = Math.min(Math.max(pair.actualProbability(), EPS), 1 - EPS);
        logLossSum.add(-Math.log(probability));
        scored++;
    }

    private void addCell(String actual, String predicted, long count) {
        confusion.computeIfAbsent(actual, k -> new TreeMap<>()).merge(predicted, count, Long::sum);
    }

    void merge(ClassificationTally other) {
        other.confusion.forEach((actual, row) -> row.forEach((predicted, count) -> addCell(actual, predicted, count)));
        other.scoresByClass.forEach((label, histogram) ->
                scoresByClass.computeIfAbsent(label, k -> new ScoreHistogram()).merge(histogram));
        logLossSum.addAll(other.logLossSum);
        scored += other.scored;
    }

    public long count() {
        return confusion.values().stream().flatMap(row -> row.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** The metrics with the positive class implied ({@link #binary}); what the stream reports. */
    public Map<String, Double> metrics() {
        return metrics(null);
    }

    /**
     * accuracy, balanced_accuracy, macro_precision, macro_recall, macro_f1, roc_auc and log_loss when scores were
     * logged; for a binary model precision, recall, f1, specificity and average_precision of the positive class.
     *
     * @param positiveClass the positive class as {@link ClassName} spells it; null to imply it ({@link #binary})
     */
    public Map<String, Double> metrics(@Nullable String positiveClass) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        long total = count();
        if (total == 0) {
            return metrics;
        }
        long correct = 0;
        for (Map.Entry<String, TreeMap<String, Long>> row : confusion.entrySet()) {
            correct += row.getValue().getOrDefault(row.getKey(), 0L);
        }
        metrics.put("accuracy", correct / (double) total);
        List<ClassMetrics> perClass = perClass();
        metrics.put("balanced_accuracy", perClass.stream().filter(quality -> quality.support() > 0)
                .mapToDouble(ClassMetrics::recall).average().orElse(0));
        metrics.put("macro_precision", perClass.stream().mapToDouble(ClassMetrics::precision).average().orElse(0));
        metrics.put("macro_recall", perClass.stream().mapToDouble(ClassMetrics::recall).average().orElse(0));
        metrics.put("macro_f1", perClass.stream().mapToDouble(ClassMetrics::f1).average().orElse(0));
        double aucSum = 0;
        int aucClasses = 0;
        for (ScoreHistogram histogram : scoresByClass.values()) {
            double auc = histogram.rocAuc();
            if (!Double.isNaN(auc)) {
                aucSum += auc;
                aucClasses++;
            }
        }
        if (aucClasses > 0) {
            metrics.put("roc_auc", aucSum / aucClasses);
        }
        if (scored > 0) {
            metrics.put("log_loss", logLossSum.value() / scored);
        }
        binary(positiveClass).ifPresent(binary -> putBinary(metrics, binary));
        return metrics;
    }

    private void putBinary(Map<String, Double> metrics, BinaryConfusion binary) {
        putDefined(metrics, "precision", binary.precision());
        putDefined(metrics, "recall", binary.recall());
        putDefined(metrics, "f1", binary.f1());
        putDefined(metrics, "specificity", binary.specificity());
        ScoreHistogram positiveScores = scoresByClass.get(binary.positiveClass());
        if (positiveScores != null) {
            putDefined(metrics, "average_precision", positiveScores.averagePrecision());
        }
    }

    private static void putDefined(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }

    /**
     * The confusion matrix seen from the positive class, when the model is binary: at most two classes seen as
     * labels or predictions, one of them (or, with one class seen, possibly its pair's other) the positive class.
     * The positive class is {@code positiveClass} when given; else the class of a lone logged score (a binary
     * model's probability); else 1 of 0/1 and true of true/false ({@link BinaryClasses}). Empty for more than two
     * classes, no classes, or two named classes and no positive class given.
     *
     * @param positiveClass the positive class as {@link ClassName} spells it; null to imply it
     */
    public Optional<BinaryConfusion> binary(@Nullable String positiveClass) {
        return PositiveClass.confusion(confusion, scoresByClass.keySet(), positiveClass);
    }

    /** Per class seen as a label or a prediction, in name order. */
    public List<ClassMetrics> perClass() {
        SortedSet<String> labels = PositiveClass.classesSeen(confusion);
        List<ClassMetrics> qualities = new ArrayList<>();
        for (String label : labels) {
            long truePositives = confusion.getOrDefault(label, new TreeMap<>()).getOrDefault(label, 0L);
            long support = confusion.getOrDefault(label, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
            long predicted = confusion.values().stream().mapToLong(row -> row.getOrDefault(label, 0L)).sum();
            long falsePositives = predicted - truePositives;
            long falseNegatives = support - truePositives;
            double precision = predicted == 0 ? 0 : truePositives / (double) predicted;
            double recall = support == 0 ? 0 : truePositives / (double) support;
            long f1Denominator = 2 * truePositives + falsePositives + falseNegatives;
            double f1 = f1Denominator == 0 ? 0 : 2.0 * truePositives / f1Denominator;
            qualities.add(new ClassMetrics(label, precision, recall, f1, support));
        }
        return qualities;
    }

    public List<ConfusionCount> confusion() {
        List<ConfusionCount> cells = new ArrayList<>();
        confusion.forEach((actual, row) -> row.forEach((predicted, count) -> cells.add(new ConfusionCount(actual, predicted, count))));
        return cells;
    }

    SortedMap<String, ? extends SortedMap<String, Long>> confusionCells() {
        return confusion;
    }

    SortedMap<String, ScoreHistogram> histograms() {
        return scoresByClass;
    }

    ExactSum logLossSum() {
        return logLossSum;
    }

    long scored() {
        return scored;
    }

    static ClassificationTally of(Map<String, Map<String, Long>> cells, Map<String, ScoreHistogram> histograms,
                                  ExactSum logLossSum, long scored) {
        ClassificationTally tally = new ClassificationTally();
        cells.forEach((actual, row) -> row.forEach((predicted, count) -> tally.addCell(actual, predicted, count)));
        tally.scoresByClass.putAll(histograms);
        tally.logLossSum.addAll(logLossSum);
        tally.scored = scored;
        return tally;
    }
}
