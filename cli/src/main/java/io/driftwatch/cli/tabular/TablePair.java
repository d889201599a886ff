package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static java.util.Objects.requireNonNull;

/**
 * A reference and a current file read side by side (in parallel) and made comparable: where the two
 * files disagree on an undeclared column's type, the reference decides. A current value that is not a
 * number in a column whose reference is numeric is bad input, unless no current value is a number at
 * all, which is a type change the comparison reports. The numbers kept of both files share one
 * {@link MemoryBudget#ofHeap() budget}, split by the files' sizes: numeric columns that would pass a file's share
 * are read as sketches.
 */
public record TablePair(Table reference, Table current) {
    public TablePair {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
    }

    /**
     * A column without any value is read as it is: the comparison reports it (a current column that is all
     * missing is a broken feed, not a file that cannot be read).
     *
     * @throws BadInputException for a missing or malformed file, or a non-number in a numeric column
     */
    public static TablePair read(Path referenceFile, Path currentFile, Map<String, ColumnType> declaredTypes)
            throws BadInputException {
        return read(referenceFile, currentFile, declaredTypes, Set.of());
    }

    /**
     * Like {@link #read(Path, Path, Map)}, leaving {@code excludedColumns} out of both files as they are read.
     *
     * @throws BadInputException for a missing or malformed file, or a non-number in a numeric column
     */
    public static TablePair read(Path referenceFile, Path currentFile, Map<String, ColumnType> declaredTypes,
                                 Set<String> excludedColumns) throws BadInputException {
        requireFile(referenceFile);
        requireFile(currentFile);
        MemoryBudget[] budgets = MemoryBudget.ofHeap().splitBySize(sizeOf(referenceFile), sizeOf(currentFile));
        TableReader referenceReader = new TableReader(declaredTypes, excludedColumns, budgets[0]);
        TableReader currentReader = new TableReader(declaredTypes, excludedColumns, budgets[1]);
        CompletableFuture<Table> referenceRead = CompletableFuture.supplyAsync(() -> readUnchecked(referenceReader, referenceFile));
        Table current = readOrThrow(() -> readUnchecked(currentReader, currentFile));
        Table reference = readOrThrow(referenceRead::join);
        Map<String, ColumnType> currentAsCategories = new HashMap<>();
        for (String column : reference.columnOrder()) {
            ColumnType referenceType = reference.typeOf(column);
            ColumnType currentType = current.typeOf(column);
            if (currentType == null || declaredTypes.containsKey(column) || referenceType == currentType) {
                continue;
            }
            if (referenceType == ColumnType.NUMERIC) {
                Table.MixedColumn mixed = current.mixedColumns().get(column);
                if (mixed != null) {
                    throw new BadInputException(currentFile + " line " + mixed.line() + ", column '" + column + "': '"
                            + ColumnSet.abbreviate(mixed.firstNotNumber()) + "' is not a number, but the column is numeric in "
                            + referenceFile + " (" + mixed.notNumbers() + " such values in all); fix the values, or "
                            + "declare --column-type " + column + "=categorical");
                }
            } else if (reference.mixedColumns().containsKey(column)) {
                currentAsCategories.put(column, ColumnType.CATEGORICAL);
            }
        }
        if (!currentAsCategories.isEmpty()) {
            budgets[1].release(keptBytes(current));
            current = currentReader.read(currentFile, currentAsCategories);
        }
        return new TablePair(reference, current);
    }

    /** What the numbers a table kept take, at least: re-read, its values are kept again. */
    private static long keptBytes(Table table) {
        return table.columns().values().stream().filter(column -> column.type() == ColumnType.NUMERIC)
                .mapToLong(column -> column.validCount() * Double.BYTES).sum();
    }

    private static long sizeOf(Path file) throws BadInputException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist or is not a file; check the path");
        }
    }

    private interface TableSupplier {
        Table get();
    }

    private static Table readOrThrow(TableSupplier supplier) throws BadInputException {
        try {
            return supplier.get();
        } catch (CompletionException | UncheckedBadInput e) {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof UncheckedBadInput unchecked) {
                throw unchecked.badInput;
            }
            throw e;
        }
    }

    private static Table readUnchecked(TableReader reader, Path file) {
        try {
            return reader.read(file);
        } catch (BadInputException e) {
            throw new UncheckedBadInput(e);
        }
    }

    /** Carries a checked {@link BadInputException} through a CompletableFuture. */
    private static final class UncheckedBadInput extends RuntimeException {
        private final BadInputException badInput;

        UncheckedBadInput(BadInputException badInput) {
            super(badInput.getMessage(), badInput);
            this.badInput = badInput;
        }
    }
}
