package io.driftwatch.app.baseline;

import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.app.tabular.Row;
import io.driftwatch.stats.quality.ClassQuality;
import io.driftwatch.stats.quality.LabelledOutcome;
import io.driftwatch.stats.quality.ModelTask;
import io.driftwatch.stats.quality.QualitySummary;

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
 * they do not. The stream decides the task per pair ({@link io.driftwatch.stats.quality.OutcomeTyping}) and would report a
 * mixed window with both sets of metrics; for a baseline a mix is a mistake in the file (a text value in a
 * label column of numbers). So are a classification in which no prediction ever names its label's class (a
 * column of scores passed as the prediction), and class scores that leave out a class the labels hold (the
 * stream would take that true class's probability as 0, and a numeric prediction of it as the best-scored
 * class). A predicted class without a score is fine: a class name is taken as it is. Not thread-safe.
 */
final class LabelFit {
    private final Path file;
    private final OutcomeColumns columns;
    private final Map<ModelTask, Long> pairsByTask = new EnumMap<>(ModelTask.class);
    private final Map<ModelTask, Example> firstByTask = new EnumMap<>(ModelTask.class);

    private record Example(long line, String prediction, String label) {
    }

    LabelFit(Path file, OutcomeColumns columns) {
        this.file = requireNonNull(file, "file");
        this.columns = requireNonNull(columns, "columns");
    }

    /** @param row the row the pair came from, whose values the messages quote as the file spells them */
    void note(LabelledOutcome outcome, Row row) {
        ModelTask task = outcome.task();
        pairsByTask.merge(task, 1L, Long::sum);
        firstByTask.computeIfAbsent(task, t -> new Example(row.line(), row.value(columns.prediction()).text(),
                row.value(requireNonNull(columns.label(), "columns.label")).text()));
    }

    /**
     * @param summary the tally's summary of the same rows; its task is the majority, as the stream picks it
     * @throws BadInputException when no row had both values, the rows mix tasks, the scores leave out a class,
     *                           or no prediction names its label
     */
    void requireFit(QualitySummary summary) throws BadInputException {
        if (summary.labelled() == 0) {
            throw new BadInputException(file + ": no row has both a label in column '" + columns.label()
                    + "' and a prediction in column '" + columns.prediction() + "' (" + summary.unlabelled()
                    + " rows have only a prediction, " + summary.unmatchedLabels() + " only a label); check --labels and"
                    + " --prediction-column, or drop --labels to build the baseline without quality");
        }
        ModelTask majority = summary.task();
        ModelTask other = majority == ModelTask.CLASSIFICATION ? ModelTask.REGRESSION : ModelTask.CLASSIFICATION;
        Example odd = firstByTask.get(other);
        if (odd != null) {
            throw new BadInputException(file + " line " + odd.line() + ": label '" + odd.label() + "' (column '"
                    + columns.label() + "') and prediction '" + odd.prediction() + "' (column '" + columns.prediction()
                    + "') make a " + name(other) + " pair, but " + pairsByTask.get(majority) + " other rows make "
                    + name(majority) + " pairs; a regression needs a number in both columns, a classification a class"
                    + " name in either (or --score-column); fix the value, or empty it to skip the row");
        }
        if (majority == ModelTask.CLASSIFICATION) {
            requireScoresOfEveryClass(summary);
            requirePredictionsNamingLabels(summary);
        }
    }

    private void requirePredictionsNamingLabels(QualitySummary summary) throws BadInputException {
        if (summary.metrics().getOrDefault("accuracy", 1.0) == 0.0) {
            Example first = firstByTask.get(ModelTask.CLASSIFICATION);
            throw new BadInputException(file + ": on none of the " + summary.labelled() + " labelled rows does the"
                    + " prediction in column '" + columns.prediction() + "' name the class of the label in column '"
                    + columns.label() + "' (line " + first.line() + ": prediction '" + first.prediction() + "', label '"
                    + first.label() + "'); check that --labels and --prediction-column name the right columns: the"
                    + " prediction must be the predicted class, and a score belongs in --score-column CLASS=COLUMN");
        }
    }

    private void requireScoresOfEveryClass(QualitySummary summary) throws BadInputException {
        Set<String> scored = columns.scoreColumnsByClass().keySet();
        if (scored.isEmpty()) {
            return;
        }
        List<String> unscored = summary.perClass().stream().filter(quality -> quality.support() > 0)
                .map(ClassQuality::label).filter(label -> !scored.contains(label)).toList();
        if (!unscored.isEmpty()) {
            throw new BadInputException(file + ": the labels in column '" + columns.label() + "' hold classes "
                    + String.join(", ", unscored) + " but --score-column names only " + String.join(", ", new TreeSet<>(scored))
                    + "; log loss needs the true class's score, so give every class's score (--score-column "
                    + unscored.get(0) + "=COLUMN), or none");
        }
    }

    private static String name(ModelTask task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
