package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads a CSV or JSON Lines file into typed columns. A column's type is what {@code --column-type}
 * declares, else numeric when every value is a number or missing, else categorical. A column that mixes
 * numbers with other values is read a second time as categories (a rare case, so the common one stays a
 * single pass over the file).
 */
public final class TableReader {
    private final Map<String, ColumnType> declaredTypes;

    public TableReader(Map<String, ColumnType> declaredTypes) {
        this.declaredTypes = Map.copyOf(requireNonNull(declaredTypes, "declaredTypes"));
    }

    /**
     * @throws BadInputException when the file is missing, unreadable, malformed, or a declared-numeric
     *                           column holds a non-number
     */
    public Table read(Path file) throws BadInputException {
        return read(file, Map.of());
    }

    /**
     * Reads {@code file}, treating {@code categoricalColumns} as categorical in addition to the declared types.
     */
    public Table read(Path file, Map<String, ColumnType> extraTypes) throws BadInputException {
        requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist or is not a file; check the path");
        }
        Map<String, ColumnType> types = new HashMap<>(declaredTypes);
        types.putAll(extraTypes);
        TableFormat format = formatOf(file);
        ColumnSet firstPass = new ColumnSet(file, types, null);
        long rows = readPass(format, file, firstPass);
        if (rows == 0) {
            throw new BadInputException(file + " has no data rows; it needs at least one row after the header");
        }
        Map<String, Table.MixedColumn> mixed = new HashMap<>();
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        Map<String, String> notComparable = new LinkedHashMap<>();
        firstPass.arrayFields().forEach((field, line) -> notComparable.put(field, "holds a JSON array (first on line "
                + line + "); driftwatch compares fields of single values, so it was not compared"));
        for (ColumnAccumulator column : firstPass.accumulators().values()) {
            if (notComparable.containsKey(column.name())) {
                continue;
            }
            if (column.notNumbers() == 0) {
                columns.put(column.name(), column.finish(rows));
            } else {
                columns.put(column.name(), null);
                if (column.numberCount() > 0) {
                    mixed.put(column.name(), new Table.MixedColumn(column.numberCount(), column.notNumbers(),
                            requireNonNull(column.firstNotNumber()), column.firstNotNumberLine()));
                }
            }
        }
        Map<String, ColumnType> categorical = new HashMap<>(types);
        columns.forEach((name, data) -> {
            if (data == null) {
                categorical.put(name, ColumnType.CATEGORICAL);
            }
        });
        if (columns.containsValue(null)) {
            Set<String> reread = Set.copyOf(columns.entrySet().stream().filter(e -> e.getValue() == null)
                    .map(Map.Entry::getKey).toList());
            ColumnSet secondPass = new ColumnSet(file, categorical, reread);
            readPass(format, file, secondPass);
            secondPass.accumulators().forEach((name, column) -> columns.put(name, column.finish(rows)));
        }
        return new Table(file, rows, columns, mixed, notComparable);
    }

    private static long readPass(TableFormat format, Path file, ColumnSet columns) throws BadInputException {
        try {
            return format.readInto(file, columns);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist; check the path", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static TableFormat formatOf(Path file) {
        return JsonLinesFormat.handles(file) ? new JsonLinesFormat() : new CsvFormat();
    }
}
