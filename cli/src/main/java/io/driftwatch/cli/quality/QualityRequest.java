package io.driftwatch.cli.quality;

import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.TaskChoice;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * What quality {@code check} is asked for, the same for the reference, the current file and every chunk of
 * them: which columns hold the labels, predictions and scores, the positive class, and the business value matrix.
 * Each pair is typed as the stream types it ({@link TaskChoice#AUTO}).
 *
 * @param columns       the outcome columns; the label is set
 * @param positiveClass the positive class as typed, or null for the default (1 of 0/1, true of true/false)
 * @param businessValue what each confusion-matrix cell is worth, or null for no business value
 */
public record QualityRequest(OutcomeColumns columns, @Nullable String positiveClass,
                             @Nullable BusinessValueMatrix businessValue) {
    public QualityRequest {
        requireNonNull(columns, "columns");
        requireNonNull(columns.label(), "columns.label");
    }

    public String labelColumn() {
        return requireNonNull(columns.label(), "columns.label");
    }

    OutcomeTyping typing() {
        return new OutcomeTyping(TaskChoice.AUTO, positiveClass);
    }
}
