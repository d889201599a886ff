package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column the user named with an option, or that option's default name. The difference matters: a
 * default column may be absent (ids and times are then generated), a column the user named must exist.
 *
 * @param option   the option that names it, e.g. {@code --id-column}, for messages
 * @param column   the column name
 * @param explicit whether the user gave it, rather than it being the default
 */
public record ColumnOption(String option, String column, boolean explicit) {
    public ColumnOption {
        requireNonNull(option, "option");
        requireNonNull(column, "column");
    }

    /** The column the user gave with {@code option}, or {@code defaultColumn} when they gave none. */
    public static ColumnOption of(String option, @Nullable String given, String defaultColumn) {
        return given == null ? new ColumnOption(option, defaultColumn, false) : new ColumnOption(option, given, true);
    }

    /**
     * @param columns the file's columns
     * @return the column, or empty when it is a default the file does not have
     * @throws BadInputException when the user named a column the file does not have
     */
    Optional<String> find(Path file, List<String> columns) throws BadInputException {
        if (columns.contains(column)) {
            return Optional.of(column);
        }
        if (explicit) {
            throw new BadInputException(file + " has no column '" + column + "' (given with " + option + "); "
                    + describe(columns) + "; check the spelling");
        }
        return Optional.empty();
    }

    /**
     * @throws BadInputException when the file does not have the column, telling which option names it
     */
    String require(Path file, List<String> columns, String field) throws BadInputException {
        Optional<String> found = find(file, columns);
        if (found.isEmpty()) {
            throw new BadInputException(file + " has no column '" + column + "' for the " + field + "; "
                    + describe(columns) + "; name the right one with " + option);
        }
        return found.get();
    }

    private static String describe(List<String> columns) {
        return columns.isEmpty() ? "it has no columns" : "its columns are " + String.join(", ", columns);
    }
}
