package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.quality.ClassName;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The class-score columns {@code --score-column} names, parsed and read the same way by {@code produce} and by
 * {@code baseline --labels}, so a file replayed through {@code produce} is scored in the stream as the baseline
 * scored it. Either one column per class ({@code CLASS=COLUMN}, repeated), the probabilities a model logs as
 * {@code classScores}; or one column alone, a binary model's probability of its positive class, which is then
 * logged under that class alone (the other class's probability being 1 - p). A row with a score missing has
 * no scores, as a model that logged none.
 *
 * @param columnsByClass  per class name (spelled as {@link ClassName#ofTyped} spells it), its column, in the
 *                        options' order; empty with an unclassed column
 * @param unclassedColumn the one column given without a class, or null
 */
public record ScoreColumns(Map<String, String> columnsByClass, @Nullable String unclassedColumn) {
    public static final ScoreColumns NONE = new ScoreColumns(Map.of(), null);
    private static final String OPTION = "--score-column";

    public ScoreColumns {
        columnsByClass = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columnsByClass, "columnsByClass")));
        if (unclassedColumn != null && !columnsByClass.isEmpty()) {
            throw new IllegalArgumentException("a column without a class stands alone, got " + columnsByClass
                    + " beside " + unclassedColumn);
        }
    }

    /**
     * @param options each {@code --score-column} as given: {@code CLASS=COLUMN} or {@code COLUMN}
     * @throws BadInputException when a class or column is empty, a class is given twice, or a column without a
     *                           class is given beside other score columns
     */
    public static ScoreColumns parse(List<String> options) throws BadInputException {
        Map<String, String> byClass = new LinkedHashMap<>();
        List<String> unclassed = new ArrayList<>();
        for (String option : options) {
            int equals = option.indexOf('=');
            String column = option.substring(equals + 1).strip();
            String className = equals < 0 ? "" : option.substring(0, equals).strip();
            if (column.isEmpty() || (equals >= 0 && className.isEmpty())) {
                throw new BadInputException(OPTION + " '" + option + "': give CLASS=COLUMN, or one COLUMN alone for a"
                        + " binary model's probability of its positive class");
            }
            if (equals < 0) {
                unclassed.add(column);
            } else if (byClass.put(ClassName.ofTyped(className), column) != null) {
                throw new BadInputException(OPTION + " names class '" + className + "' twice; give one column per class");
            }
        }
        if (!unclassed.isEmpty() && unclassed.size() + byClass.size() > 1) {
            throw new BadInputException(OPTION + " " + unclassed.get(0) + " has no class, beside " + (options.size() - 1)
                    + " other score column(s): one column alone is a binary model's probability of its positive class"
                    + " (--positive-class); with more, name each one's class as CLASS=COLUMN");
        }
        return new ScoreColumns(byClass, unclassed.isEmpty() ? null : unclassed.get(0));
    }

    public boolean isEmpty() {
        return columnsByClass.isEmpty() && unclassedColumn == null;
    }

    /** Whether the one column given has no class yet: {@link #withPositiveClass} must name it. */
    public boolean needsPositiveClass() {
        return unclassedColumn != null;
    }

    /** The unclassed column as the positive class's; unchanged when every column has its class. */
    public ScoreColumns withPositiveClass(String positiveClass) {
        requireNonNull(positiveClass, "positiveClass");
        return unclassedColumn == null ? this : new ScoreColumns(Map.of(ClassName.ofTyped(positiveClass), unclassedColumn), null);
    }

    /** Every column named, in the options' order. */
    public List<String> columns() {
        return unclassedColumn != null ? List.of(unclassedColumn) : List.copyOf(columnsByClass.values());
    }

    /**
     * @param holding what the file's columns are, for the message: {@code its columns are a, b}
     * @throws BadInputException naming the option of a column the file does not have
     */
    public void requireIn(Path file, Collection<String> columns, String holding) throws BadInputException {
        if (unclassedColumn != null && !columns.contains(unclassedColumn)) {
            throw missing(file, unclassedColumn, "the positive class's probability (" + OPTION + " " + unclassedColumn + ")", holding);
        }
        for (Map.Entry<String, String> score : columnsByClass.entrySet()) {
            if (!columns.contains(score.getValue())) {
                throw missing(file, score.getValue(), "the scores of class '" + score.getKey() + "' (" + OPTION + " "
                        + score.getKey() + "=" + score.getValue() + ")", holding);
            }
        }
    }

    private static BadInputException missing(Path file, String column, String what, String holding) {
        return new BadInputException(file + " has no column '" + column + "' for " + what + "; " + holding
                + "; name the column that holds them");
    }

    /**
     * A row's scores by class; empty when no columns are named or a score is missing (empty, null, not finite).
     *
     * @throws BadInputException naming the file, line and column of a score that is not a number
     * @throws IllegalStateException when the unclassed column has no class yet ({@link #withPositiveClass})
     */
    public Map<String, Double> read(Path file, Row row) throws BadInputException {
        if (unclassedColumn != null) {
            throw new IllegalStateException("the class of " + OPTION + " " + unclassedColumn + " is not known yet");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map.Entry<String, String> score : columnsByClass.entrySet()) {
            RowValue value = row.value(score.getValue());
            if (value instanceof RowValue.Numeric number && Double.isFinite(number.value())) {
                scores.put(score.getKey(), number.value());
            } else if (value instanceof RowValue.Numeric || value instanceof RowValue.Missing || value.text().isBlank()) {
                return Map.of();
            } else {
                throw new BadInputException(file + " line " + row.line() + ", column '" + score.getValue() + "': score '"
                        + value.text() + "' of class '" + score.getKey() + "' is not a number; " + OPTION
                        + " must name columns of scores or probabilities");
            }
        }
        return scores;
    }
}
