package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.produce.ImpliedPositiveClass;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.quality.LabelledOutcome;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.QualityTally;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.LongToIntFunction;

import static java.util.Objects.requireNonNull;

/**
 * The model's quality on a labelled training or validation file, the baseline's reference for the
 * {@code quality_drop} rule. Each row's prediction, label and class scores are typed by the stream's
 * {@link OutcomeTyping} and go into the stream's {@link QualityTally}, so the metrics carry the names,
 * definitions and task rule of the windows' quality reports: a replay of the file through {@code produce}
 * (with the same {@code --score-column} and {@code --positive-class}, and the stream's
 * {@code driftwatch.quality.task} set as {@code --task}) would give the same numbers. Values are typed as
 * {@code produce} types them: a number is a number, anything else (true/false too) a class name.
 *
 * <p>One score column without a class is the probability of the positive class: {@code --positive-class}, else
 * the one the labels imply (1 for labels 0/1, true for true/false; {@link ImpliedPositiveClass}), which costs one
 * more read of the label column. A row needs both a label and a prediction to count; a row missing one is counted
 * in the summary as the stream counts it (a prediction without a label is unlabelled, a label without a
 * prediction unmatched). Empty, null and non-finite values are missing; a row with a score missing has no
 * scores. Reads the file row by row, in constant memory apart from the tally.
 */
public final class LabelledFileQuality {
    private LabelledFileQuality() {
    }

    /**
     * @param columns the outcome columns; the label must be set
     * @param typing  the task the user stated and the positive class they named, if any
     * @throws BadInputException when the file cannot be read, a score is not a number or lies outside [0, 1], no
     *                           positive class is known for a lone score column, no row has both a label and a
     *                           prediction, or the labels do not fit the task the rows make
     */
    public static QualitySummary read(Path file, OutcomeColumns columns, OutcomeTyping typing) throws BadInputException {
        return read(file, columns, typing, typing.positiveClass());
    }

    /**
     * As {@link #read(Path, OutcomeColumns, OutcomeTyping)}, the binary figures seen from {@code positiveClass}, which
     * may be the model's policy's ({@code outcome.positive_class}) where {@code typing}'s is only the class of a lone
     * probability, as the stream reads a window.
     *
     * @param positiveClass the positive class as {@link io.driftwatch.stats.quality.ClassName} spells it; null to imply it
     */
    public static QualitySummary read(Path file, OutcomeColumns columns, OutcomeTyping typing, @Nullable String positiveClass)
            throws BadInputException {
        Tallied tallied = tally(file, columns, typing, 1, row -> 0, positiveClass, true).get(0);
        tallied.fit().requireFit(tallied.summary());
        return tallied.summary();
    }

    /**
     * The quality of a whole file for {@code check}. Unlike {@link #read}, a file whose rows have no label yet is
     * an answer, not a mistake, and a {@code --positive-class} need not occur in it (the current file may hold one
     * class; the caller checks the class against every file it reads).
     *
     * @return the quality, or empty when no row has both a label and a prediction
     * @throws BadInputException as {@link #read} does, but for those two
     */
    public static Optional<QualitySummary> readFile(Path file, OutcomeColumns columns, OutcomeTyping typing)
            throws BadInputException {
        return fitting(tally(file, columns, typing, 1, row -> 0, null, true).get(0));
    }

    /**
     * The quality of some of a file's rows, a chunk of it: as {@link #readFile}, and a chunk in which no prediction
     * names its label's class is a bad chunk rather than the wrong column (a small chunk can be all wrong).
     *
     * @param selected which rows count, by their 0-based index among the file's data rows
     * @return the quality, or empty when no selected row has both a label and a prediction
     * @throws BadInputException as {@link #readFile} does
     */
    public static Optional<QualitySummary> readRows(Path file, OutcomeColumns columns, OutcomeTyping typing,
                                                    LongPredicate selected) throws BadInputException {
        return fitting(tally(file, columns, typing, 1, row -> selected.test(row) ? 0 : -1, null, false).get(0));
    }

    /**
     * The quality of each chunk of a file, in one read: as {@link #readRows} for every chunk at once.
     *
     * @param chunks     how many chunks there are
     * @param chunkOfRow the chunk (0 to chunks - 1) of each row by its 0-based index among the file's data rows
     * @return each chunk's quality, or empty for a chunk in which no row has both a label and a prediction
     * @throws BadInputException as {@link #readFile} does
     */
    public static List<Optional<QualitySummary>> readChunks(Path file, OutcomeColumns columns, OutcomeTyping typing,
                                                            int chunks, LongToIntFunction chunkOfRow)
            throws BadInputException {
        List<Optional<QualitySummary>> qualities = new ArrayList<>();
        for (Tallied tallied : tally(file, columns, typing, chunks, chunkOfRow, null, false)) {
            qualities.add(fitting(tallied));
        }
        return qualities;
    }

    private static Optional<QualitySummary> fitting(Tallied tallied) throws BadInputException {
        if (tallied.summary().labelled() == 0) {
            return Optional.empty();
        }
        tallied.fit().requireFit(tallied.summary());
        return Optional.of(tallied.summary());
    }

    private record Tallied(QualitySummary summary, LabelFit fit) {
    }

    /**
     * One tally per chunk, filled in one read of the file.
     *
     * @param chunkOfRow        the chunk of each row by its 0-based index, or -1 for a row no chunk counts
     * @param fitPositiveClass  the positive class the labels must hold and the binary figures are seen from, or null for
     *                          no such check and the typing's class
     * @param fitNamedLabels    whether some prediction must name its label's class
     */
    private static List<Tallied> tally(Path file, OutcomeColumns columns, OutcomeTyping typing, int chunks,
                                       LongToIntFunction chunkOfRow, @Nullable String fitPositiveClass,
                                       boolean fitNamedLabels) throws BadInputException {
        String label = requireNonNull(columns.label(), "columns.label");
        ScoreColumns scores = columns.scores();
        OutcomeTyping resolved = typing;
        if (scores.needsPositiveClass()) {
            String positive = typing.positiveClass() != null ? typing.positiveClass()
                    : ImpliedPositiveClass.of(file, label, "the labels", "--score-column " + scores.unclassedColumn());
            scores = scores.withPositiveClass(positive);
            resolved = new OutcomeTyping(typing.task(), positive);
        }
        QualityTally[] tallies = new QualityTally[chunks];
        LabelFit[] fits = new LabelFit[chunks];
        for (int chunk = 0; chunk < chunks; chunk++) {
            tallies[chunk] = new QualityTally(0);
            fits[chunk] = new LabelFit(file, columns, scores.columnsByClass().keySet(), fitPositiveClass, fitNamedLabels);
        }
        try (RowReader rows = RowReader.open(file)) {
            long index = 0;
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next(), index++) {
                int chunk = chunkOfRow.applyAsInt(index);
                if (chunk >= 0) {
                    add(tallies[chunk], fits[chunk], file, columns, resolved, scores, next.get());
                }
            }
        }
        List<Tallied> tallied = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            tallied.add(new Tallied(tallies[chunk].summary(fitPositiveClass != null ? fitPositiveClass
                    : resolved.positiveClass()), fits[chunk]));
        }
        return tallied;
    }

    private static void add(QualityTally tally, LabelFit fit, Path file, OutcomeColumns columns, OutcomeTyping typing,
                            ScoreColumns scores, Row row) throws BadInputException {
        Object prediction = answer(row.value(columns.prediction()));
        Object actual = answer(row.value(requireNonNull(columns.label(), "columns.label")));
        if (prediction != null) {
            tally.addPrediction();
        }
        if (prediction == null || actual == null) {
            if (prediction != null) {
                tally.addUnlabelled(1);
            } else if (actual != null) {
                tally.addUnmatchedLabel();
            }
            return;
        }
        Map<String, Double> classScores = scores.read(file, row);
        requireProbabilities(file, row, scores, classScores);
        // Label delay 0: a file has no event times, and the baseline records no delays.
        LabelledOutcome outcome = typing.outcome(prediction, actual, classScores, Map.of(), 0);
        fit.note(outcome, row);
        tally.add(outcome);
    }

    /** Log loss, ROC AUC and average precision read a score as a probability; a value outside [0, 1] is not one. */
    private static void requireProbabilities(Path file, Row row, ScoreColumns scores, Map<String, Double> classScores)
            throws BadInputException {
        for (Map.Entry<String, Double> score : classScores.entrySet()) {
            if (score.getValue() < 0 || score.getValue() > 1) {
                throw new BadInputException(file + " line " + row.line() + ", column '" + scores.columnsByClass()
                        .get(score.getKey()) + "': score " + score.getValue() + " of class '" + score.getKey()
                        + "' is not a probability in [0, 1]; --score-column must name columns of probabilities");
            }
        }
    }

    /** The prediction or label as the stream holds it: a Double, a String, or null when missing. */
    private static @Nullable Object answer(RowValue value) {
        if (value instanceof RowValue.Numeric number) {
            return Double.isFinite(number.value()) ? number.value() : null;
        }
        if (value instanceof RowValue.Missing || value.text().isBlank()) {
            return null;
        }
        return value.text();
    }
}
