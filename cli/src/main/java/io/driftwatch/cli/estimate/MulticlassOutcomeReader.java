package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.estimate.MulticlassChunkOutcomes;
import io.driftwatch.stats.quality.ClassName;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads a file's prediction, per-class score and label columns into its chunks' {@link MulticlassChunkOutcomes}, in
 * one pass, classes as indices into the fit's sorted class names ({@link ClassName} spelling, so "1", 1 and 1.0 are
 * one class). A row with the prediction or any class's score missing is left out, as NannyML drops it.
 */
final class MulticlassOutcomeReader {
    private MulticlassOutcomeReader() {
    }

    /**
     * @param columnsByClass per class name, its score column
     * @param classes        the classes in the fit's order
     * @param label          the label column; null to read no labels
     * @throws BadInputException when the file cannot be read, a score is not a number in [0, 1], or a prediction or
     *                           label is not one of the score columns' classes
     */
    static List<MulticlassChunkOutcomes> read(Path file, String prediction, Map<String, String> columnsByClass,
                                              List<String> classes, @Nullable String label, RowChunks chunks)
            throws BadInputException {
        List<MulticlassChunkOutcomes> outcomes = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.count(); chunk++) {
            outcomes.add(new MulticlassChunkOutcomes());
        }
        try (RowReader rows = RowReader.open(file)) {
            long index = 0;
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next(), index++) {
                Row row = next.get();
                String predicted = className(row.value(prediction));
                double[] scores = scores(file, row, columnsByClass, classes);
                if (predicted == null || scores == null) {
                    continue;
                }
                String actual = label == null ? null : className(row.value(label));
                outcomes.get(chunks.chunkOfRow().applyAsInt(index)).add(scores,
                        classIndex(file, row, "prediction", predicted, classes),
                        actual == null ? null : classIndex(file, row, "label", actual, classes));
            }
        }
        return outcomes;
    }

    private static int classIndex(Path file, Row row, String what, String className, List<String> classes)
            throws BadInputException {
        int index = classes.indexOf(className);
        if (index < 0) {
            throw new BadInputException(file + " line " + row.line() + ": " + what + " '" + className + "' has no"
                    + " --score-column CLASS=COLUMN; multiclass --estimate-performance needs one score column per class,"
                    + " the classes being " + classes);
        }
        return index;
    }

    private static double @Nullable [] scores(Path file, Row row, Map<String, String> columnsByClass,
                                              List<String> classes) throws BadInputException {
        double[] scores = new double[classes.size()];
        for (int c = 0; c < scores.length; c++) {
            String column = requireNonNull(columnsByClass.get(classes.get(c)), "a score column per class");
            RowValue value = row.value(column);
            if (value instanceof RowValue.Missing || (value instanceof RowValue.Numeric number
                    && !Double.isFinite(number.value())) || (!(value instanceof RowValue.Numeric) && value.text().isBlank())) {
                return null;
            }
            if (!(value instanceof RowValue.Numeric number) || !(number.value() >= 0 && number.value() <= 1)) {
                throw new BadInputException(file + " line " + row.line() + ", column '" + column + "': score '"
                        + value.text() + "' is not a probability in [0, 1]; --estimate-performance reads each"
                        + " --score-column CLASS=COLUMN as the model's probability of that class");
            }
            scores[c] = number.value();
        }
        return scores;
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
}
