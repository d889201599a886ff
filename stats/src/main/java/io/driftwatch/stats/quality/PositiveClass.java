package io.driftwatch.stats.quality;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which class is a binary model's positive one, and the confusion matrix seen from it, out of a classification
 * tally's cells: the rule {@link ClassificationTally#binary} documents, kept apart so the tally stays about counting.
 * Stateless.
 */
final class PositiveClass {
    private PositiveClass() {
    }

    /**
     * @param cells         count per actual class, per predicted class
     * @param scoredClasses the classes scores were logged for
     * @param stated        the positive class the user named, as {@link ClassName} spells it; null to imply it
     */
    static Optional<BinaryConfusion> confusion(SortedMap<String, ? extends SortedMap<String, Long>> cells,
                                               Set<String> scoredClasses, @Nullable String stated) {
        SortedSet<String> classes = classesSeen(cells);
        String positive = stated != null ? stated : implied(classes, scoredClasses);
        if (positive == null || classes.isEmpty()) {
            return Optional.empty();
        }
        SortedSet<String> others = new TreeSet<>(classes);
        others.remove(positive);
        if (others.size() > 1) {
            return Optional.empty();
        }
        long total = 0;
        long support = 0;
        long predicted = 0;
        for (Map.Entry<String, ? extends SortedMap<String, Long>> row : cells.entrySet()) {
            for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
                total += cell.getValue();
                support += row.getKey().equals(positive) ? cell.getValue() : 0;
                predicted += cell.getKey().equals(positive) ? cell.getValue() : 0;
            }
        }
        SortedMap<String, Long> positiveRow = cells.get(positive);
        long truePositives = positiveRow == null ? 0 : positiveRow.getOrDefault(positive, 0L);
        String negative = others.isEmpty() ? BinaryClasses.otherOf(positive).orElse(null) : others.first();
        return Optional.of(new BinaryConfusion(positive, negative, truePositives, predicted - truePositives,
                support - truePositives, total - support - predicted + truePositives));
    }

    /** The class of a lone logged score when it fits two classes; else 1 of 0/1 or true of true/false; else null. */
    private static @Nullable String implied(SortedSet<String> classes, Set<String> scoredClasses) {
        if (scoredClasses.size() == 1) {
            String scored = scoredClasses.iterator().next();
            SortedSet<String> withScored = new TreeSet<>(classes);
            withScored.add(scored);
            if (withScored.size() <= 2) {
                return scored;
            }
        }
        return BinaryClasses.defaultPositive(classes).orElse(null);
    }

    /** Every class seen as a label or a prediction, in name order. */
    static SortedSet<String> classesSeen(SortedMap<String, ? extends SortedMap<String, Long>> cells) {
        SortedSet<String> classes = new TreeSet<>(cells.keySet());
        cells.values().forEach(row -> classes.addAll(row.keySet()));
        return classes;
    }
}
