package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.stats.quality.ClassMetrics;
import io.driftwatch.stats.quality.LabelledOutcome;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.TaskKind;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Whether a labelled file's labels fit the task its rows make, told the user with a row to look at when
 * they do not. The stream types each pair ({@link io.driftwatch.stats.quality.OutcomeTyping}) and would report
 * a mixed window with both sets of metrics; for a baseline a mix is a mistake in the file (a text value in a
 * label column of numbers) or a task to state ({@code --task}). So are a classification in which no prediction
 * ever names its label's class (a column of scores passed as the prediction), class scores that leave out a
 * class the labels hold (the stream would take that true class's probability as 0, and a numeric prediction of
 * it as the best-scored class), one score column beside more than two classes (one probability describes a
 * binary model only), and a {@code --positive-class} the labels never hold. A predicted class without a score
 * is fine: a class name is taken as it is. Not thread-safe.
 */
final class LabelFit {
    private final Path file;
    private final OutcomeColumns columns;
    private final Set<String> scoredClasses;
    private final @Nullable String statedPositiveClass;
    private final boolean predictionsMustNameLabels;
    private final Map<TaskKind, Long> pairsByTask = new EnumMap<>(TaskKind.class);
    private final Map<TaskKind, Example> firstByTask = new EnumMap<>(TaskKind.class);

    private record Example(long line, String prediction, String label) {
    }

    /**
     * @param scoredClasses       the classes whose scores the rows carry
     * @param statedPositiveClass       the class {@code --positive-class} named, or null for no such check
     * @param predictionsMustNameLabels whether a classification in which no prediction names its label is refused
     *                                  (a whole file: the wrong column; not a chunk, which may just be all wrong)
     */
    LabelFit(Path file, OutcomeColumns columns, Set<String> scoredClasses, @Nullable String statedPositiveClass,
             boolean predictionsMustNameLabels) {
        this.file = requireNonNull(file, "file");
        this.columns = requireNonNull(columns, "columns");
        this.scoredClasses = Set.copyOf(scoredClasses);
        this.statedPositiveClass = statedPositiveClass;
        this.predictionsMustNameLabels = predictionsMustNameLabels;
    }

    /** @param row the row the pair came from, whose values the messages quote as the file spells them */
    void note(LabelledOutcome outcome, Row row) {
        TaskKind task = outcome.task();
        pairsByTask.merge(task, 1L, Long::sum);
        firstByTask.computeIfAbsent(task, t -> new Example(row.line(), row.value(columns.prediction()).text(),
                row.value(requireNonNull(columns.label(), "columns.label")).text()));
    }

    /**
     * @param summary the tally's summary of the same rows; its task is the majority, as the stream picks it
     * @throws BadInputException when no row had both values, the rows mix tasks, the scores do not fit the labels'
     *                           classes, the positive class is not one of them, or no prediction names its label
     */
    void requireFit(QualitySummary summary) throws BadInputException {
        if (summary.labelled() == 0) {
            throw new BadInputException(file + ": no row has both a label in column '" + columns.label()
                    + "' and a prediction in column '" + columns.prediction() + "' (" + summary.unlabelled()
                    + " rows have only a prediction, " + summary.unmatchedLabels() + " only a label); check --labels and"
                    + " --prediction-column, or drop --labels to build the baseline without quality");
        }
        TaskKind majority = summary.task();
        TaskKind other = majority == TaskKind.CLASSIFICATION ? TaskKind.REGRESSION : TaskKind.CLASSIFICATION;
        Example odd = firstByTask.get(other);
        if (odd != null) {
            throw new BadInputException(file + " line " + odd.line() + ": label '" + odd.label() + "' (column '"
                    + columns.label() + "') and prediction '" + odd.prediction() + "' (column '" + columns.prediction()
                    + "') make a " + name(other) + " pair, but " + pairsByTask.get(majority) + " other rows make "
                    + name(majority) + " pairs; a classification has a class name in either column, two whole numbers,"
                    + " a label 0/1 or true/false with a probability, or --score-column; a regression other numbers."
                    + " Say which the model is with --task classification or --task regression, or fix the value, or"
                    + " empty it to skip the row");
        }
        if (majority == TaskKind.CLASSIFICATION) {
            List<String> labelClasses = summary.perClass().stream().filter(quality -> quality.support() > 0)
                    .map(ClassMetrics::label).toList();
            requirePositiveClassAmong(labelClasses);
            requireScoresOfEveryClass(labelClasses);
            if (predictionsMustNameLabels) {
                requirePredictionsNamingLabels(summary);
            }
        }
    }

    private void requirePositiveClassAmong(List<String> labelClasses) throws BadInputException {
        if (statedPositiveClass != null && !labelClasses.contains(statedPositiveClass)) {
            throw new BadInputException(file + ": --positive-class " + statedPositiveClass + " is not a class of the"
                    + " labels in column '" + columns.label() + "', which hold " + String.join(", ", labelClasses)
                    + "; name the class the probability is of");
        }
    }

    private void requirePredictionsNamingLabels(QualitySummary summary) throws BadInputException {
        if (summary.metrics().getOrDefault("accuracy", 1.0) == 0.0) {
            Example first = requireNonNull(firstByTask.get(TaskKind.CLASSIFICATION),
                    "an accuracy is tallied from classification rows, and note() kept the first");
            throw new BadInputException(file + ": on none of the " + summary.labelled() + " labelled rows does the"
                    + " prediction in column '" + columns.prediction() + "' name the class of the label in column '"
                    + columns.label() + "' (line " + first.line() + ": prediction '" + first.prediction() + "', label '"
                    + first.label() + "'); check that --labels and --prediction-column name the right columns: the"
                    + " prediction must be the predicted class (or, for labels 0/1 or true/false, the positive class's"
                    + " probability), and a score belongs in --score-column CLASS=COLUMN, or --score-column COLUMN for"
                    + " a binary model's one probability");
        }
    }

    private void requireScoresOfEveryClass(List<String> labelClasses) throws BadInputException {
        List<String> unscored = labelClasses.stream().filter(label -> !scoredClasses.contains(label)).toList();
        if (scoredClasses.size() == 1 && unscored.size() > 1) {
            throw new BadInputException(file + ": the labels in column '" + columns.label() + "' hold classes "
                    + String.join(", ", labelClasses) + " but one score column is given, of class "
                    + scoredClasses.iterator().next() + "; one probability describes a binary model only, so give every"
                    + " class's score (--score-column " + unscored.get(0) + "=COLUMN), or none");
        }
        if (scoredClasses.size() > 1 && !unscored.isEmpty()) {
            throw new BadInputException(file + ": the labels in column '" + columns.label() + "' hold classes "
                    + String.join(", ", unscored) + " but --score-column names only "
                    + String.join(", ", new TreeSet<>(scoredClasses)) + "; log loss needs the true class's score, so"
                    + " give every class's score (--score-column " + unscored.get(0) + "=COLUMN), or none");
        }
    }

    private static String name(TaskKind task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
