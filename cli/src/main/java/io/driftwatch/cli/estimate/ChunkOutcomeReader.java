package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.ScoredPrediction;
import io.driftwatch.stats.quality.ClassName;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file's prediction, score and label columns into its chunks' {@link ChunkOutcomes}, in one pass. A class is
 * spelled as the realized quality spells it ({@link ClassName}), so "1", 1 and 1.0 are the same positive class.
 */
final class ChunkOutcomeReader {
    private ChunkOutcomeReader() {
    }

    /**
     * @param label         the label column; null to read no labels (the current file's estimate does not use them)
     * @param positiveClass the positive class, as {@link ClassName} spells it
     * @throws BadInputException when the file cannot be read or a score is not a number in [0, 1]
     */
    static List<ChunkOutcomes> read(Path file, String prediction, String score, @Nullable String label,
                                    String positiveClass, RowChunks chunks) throws BadInputException {
        List<ChunkOutcomes> outcomes = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.count(); chunk++) {
            outcomes.add(new ChunkOutcomes());
        }
        try (RowReader rows = RowReader.open(file)) {
            long index = 0;
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next(), index++) {
                Row row = next.get();
                Object predicted = predictionOf(row.value(prediction));
                Double probability = probability(file, row, score);
                if (predicted == null || probability == null) {
                    continue;
                }
                ScoredPrediction scored = ScoredPrediction.of(predicted, probability, positiveClass).orElseThrow();
                String actual = label == null ? null : className(row.value(label));
                outcomes.get(chunks.chunkOfRow().applyAsInt(index)).add(scored.score(), scored.predictedPositive(),
                        actual == null ? null : actual.equals(positiveClass));
            }
        }
        return outcomes;
    }

    /** A prediction as {@link ScoredPrediction} reads it: a {@link Double} or a {@link String}; null when missing. */
    private static @Nullable Object predictionOf(RowValue value) {
        if (value instanceof RowValue.Numeric number) {
            return Double.isFinite(number.value()) ? number.value() : null;
        }
        return value instanceof RowValue.Missing || value.text().isBlank() ? null : value.text();
    }

    private static @Nullable String className(RowValue value) {
        if (value instanceof RowValue.Numeric number) {
            return Double.isFinite(number.value()) ? ClassName.of(number.value()) : null;
        }
        if (value instanceof RowValue.Missing || value.text().isBlank()) {
            return null;
        }
        return ClassName.of(value.text());
    }

    private static @Nullable Double probability(Path file, Row row, String column) throws BadInputException {
        RowValue value = row.value(column);
        boolean notFinite = value instanceof RowValue.Numeric number && !Double.isFinite(number.value());
        if (notFinite || value instanceof RowValue.Missing
                || (!(value instanceof RowValue.Numeric) && value.text().isBlank())) {
            return null;
        }
        if (!(value instanceof RowValue.Numeric number) || !(number.value() >= 0 && number.value() <= 1)) {
            throw new BadInputException(file + " line " + row.line() + ", column '" + column + "': score '"
                    + value.text() + "' is not a probability in [0, 1]; --estimate-performance reads --score-column as"
                    + " the model's probability of the positive class");
        }
        return number.value();
    }
}
