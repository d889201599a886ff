package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.quality.BinaryClasses;
import io.driftwatch.stats.quality.ClassName;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The class a lone score column is the probability of when {@code --positive-class} does not say, found from
 * the classes a column of the file holds (the labels for {@code baseline}, the predictions for {@code produce}):
 * 1 when they are 0 and 1, true when they are true and false ({@link BinaryClasses}). Anything else is the
 * user's to say, and the message names what the column holds: two named classes (which one is positive is a
 * matter of meaning, not of spelling), more than two (one probability cannot describe them), or values that are
 * not classes at all. Reads the column once, keeping at most a few distinct classes.
 */
public final class ImpliedPositiveClass {
    private static final int CLASSES_KEPT = 8;

    private ImpliedPositiveClass() {
    }

    /**
     * @param holding     what the column holds, for messages: {@code the labels}, {@code the predictions}
     * @param scoreOption the option of the lone score column, for messages: {@code --score-column p_fraud}
     * @throws BadInputException when the column's classes imply no positive class, saying what to pass
     */
    public static String of(Path file, String column, String holding, String scoreOption) throws BadInputException {
        TreeSet<String> classes = new TreeSet<>();
        try (RowReader rows = RowReader.open(file)) {
            for (Optional<Row> next = rows.next(); next.isPresent() && classes.size() <= CLASSES_KEPT; next = rows.next()) {
                RowValue value = next.get().value(column);
                if (value instanceof RowValue.Numeric number && !ClassName.isWhole(number.value())) {
                    throw new BadInputException(file + " line " + next.get().line() + ", column '" + column + "': "
                            + holding + " are not all classes ('" + number.text() + "'), so they cannot tell which class "
                            + scoreOption + " is the probability of; pass --positive-class CLASS");
                }
                if (value instanceof RowValue.Numeric number) {
                    classes.add(ClassName.of(number.value()));
                } else if (!(value instanceof RowValue.Missing) && !value.text().isBlank()) {
                    classes.add(ClassName.of(value.text()));
                }
            }
        }
        Optional<String> positive = BinaryClasses.defaultPositive(classes);
        if (positive.isPresent()) {
            return positive.get();
        }
        throw new BadInputException(file + ": " + holding + " in column '" + column + "' " + describe(classes, scoreOption));
    }

    private static String describe(SortedSet<String> classes, String scoreOption) {
        String quoted = classes.stream().limit(CLASSES_KEPT).map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        if (classes.size() == 2) {
            return "are two classes, '" + classes.first() + "' and '" + classes.last() + "', and neither is the positive one"
                    + " by default (only 1 of 0/1 and true of true/false are): pass --positive-class " + classes.first()
                    + " or --positive-class " + classes.last() + ", whichever class " + scoreOption + " is the probability of";
        }
        if (classes.size() > 2) {
            return "hold " + (classes.size() > CLASSES_KEPT ? "more than " + CLASSES_KEPT : classes.size()) + " classes ("
                    + quoted + "), but " + scoreOption + " is one probability, a binary model's: give every class's score"
                    + " as --score-column CLASS=COLUMN";
        }
        return (classes.isEmpty() ? "hold no class" : "hold only the class " + quoted) + ", which does not tell which"
                + " class " + scoreOption + " is the probability of; pass --positive-class CLASS";
    }
}
