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
import java.util.Map;
import java.util.Optional;

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
     * @throws BadInputException when the file cannot be read, a score is not a number, no positive class is known
     *                           for a lone score column, no row has both a label and a prediction, or the labels do
     *                           not fit the task the rows make
     */
    public static QualitySummary read(Path file, OutcomeColumns columns, OutcomeTyping typing) throws BadInputException {
        String label = requireNonNull(columns.label(), "columns.label");
        ScoreColumns scores = columns.scores();
        OutcomeTyping resolved = typing;
        if (scores.needsPositiveClass()) {
            String positive = typing.positiveClass() != null ? typing.positiveClass()
                    : ImpliedPositiveClass.of(file, label, "the labels", "--score-column " + scores.unclassedColumn());
            scores = scores.withPositiveClass(positive);
            resolved = new OutcomeTyping(typing.task(), positive);
        }
        QualityTally tally = new QualityTally(0);
        LabelFit fit = new LabelFit(file, columns, scores.columnsByClass().keySet(), typing.positiveClass());
        try (RowReader rows = RowReader.open(file)) {
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next()) {
                Row row = next.get();
                Object prediction = answer(row.value(columns.prediction()));
                Object actual = answer(row.value(label));
                if (prediction != null) {
                    tally.addPrediction();
                }
                if (prediction == null || actual == null) {
                    if (prediction != null) {
                        tally.addUnlabelled(1);
                    } else if (actual != null) {
                        tally.addUnmatchedLabel();
                    }
                    continue;
                }
                // Label delay 0: a file has no event times, and the baseline records no delays.
                LabelledOutcome outcome = resolved.outcome(prediction, actual, scores.read(file, row), Map.of(), 0);
                fit.note(outcome, row);
                tally.add(outcome);
            }
        }
        QualitySummary summary = tally.summary();
        fit.requireFit(summary);
        return summary;
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
