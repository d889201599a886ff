package io.driftwatch.app.baseline;

import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.app.tabular.Row;
import io.driftwatch.app.tabular.RowReader;
import io.driftwatch.app.tabular.RowValue;
import io.driftwatch.stats.quality.LabelledOutcome;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.QualityTally;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The model's quality on a labelled training or validation file, the baseline's reference for the
 * {@code quality_drop} rule. Each row's prediction, label and class scores become the {@link LabelledOutcome}
 * the stream builds from a joined prediction and label, and go into the stream's {@link QualityTally}, so the
 * metrics carry the names, definitions and task rule of the windows' quality reports: a replay of the file
 * through {@code produce} would give the same numbers. Values are typed as {@code produce} types them: a
 * number is a number, anything else (true/false too) a class name.
 *
 * <p>A row needs both a label and a prediction to count; a row missing one is counted in the summary as the
 * stream counts it (a prediction without a label is unlabelled, a label without a prediction unmatched).
 * Empty, null and non-finite values are missing. Reads the file once, row by row, in constant memory apart
 * from the tally.
 */
public final class LabelledFileQuality {
    private LabelledFileQuality() {
    }

    /**
     * @param columns the outcome columns; the label must be set
     * @throws BadInputException when the file cannot be read, a score is not a number, no row has both a label
     *                           and a prediction, or the labels do not fit the task the rows make
     */
    public static QualitySummary read(Path file, OutcomeColumns columns) throws BadInputException {
        String label = requireNonNull(columns.label(), "columns.label");
        QualityTally tally = new QualityTally(0);
        LabelFit fit = new LabelFit(file, columns);
        try (RowReader rows = RowReader.open(file)) {
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next()) {
                Row row = next.get();
                @Nullable Object prediction = answer(row.value(columns.prediction()));
                @Nullable Object actual = answer(row.value(label));
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
                LabelledOutcome outcome = OutcomeTyping.AUTO.outcome(prediction, actual, scores(file, row, columns), Map.of(), 0);
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

    /** A missing score is NaN, which makes the tally leave the row out of ROC AUC and log loss, as the stream does. */
    private static Map<String, Double> scores(Path file, Row row, OutcomeColumns columns) throws BadInputException {
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<String, String> score : columns.scoreColumnsByClass().entrySet()) {
            RowValue value = row.value(score.getValue());
            if (value instanceof RowValue.Numeric number) {
                scores.put(score.getKey(), number.value());
            } else if (value instanceof RowValue.Missing || value.text().isBlank()) {
                scores.put(score.getKey(), Double.NaN);
            } else {
                throw new BadInputException(file + " line " + row.line() + ", column '" + score.getValue() + "': score '"
                        + value.text() + "' of class '" + score.getKey() + "' is not a number; --score-column "
                        + score.getKey() + "=" + score.getValue() + " must name a column of scores or probabilities");
            }
        }
        return scores;
    }
}
