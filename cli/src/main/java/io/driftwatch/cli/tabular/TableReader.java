package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.profile.NumericProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads a CSV, JSON Lines or Parquet file (the first two gzipped or not; see {@link InputFile}) into typed columns. A column's type is what {@code --column-type}
 * declares, else numeric when every value is a number or missing, else categorical. A column of labels is counted as
 * categories in the same pass when read from CSV and its first value that is not missing is not a number; a column
 * whose numbers come first (a rare case), or any column of other values in JSON Lines or Parquet, is read a second
 * time as categories. {@link #columnTypes} gives those types alone, for commands that read the file
 * row by row and must read each value as {@code check} does ({@code produce}).
 */
public final class TableReader {
    private final Map<String, ColumnType> declaredTypes;
    private final Set<String> excludedColumns;
    private final MemoryBudget budget;

    public TableReader(Map<String, ColumnType> declaredTypes) {
        this(declaredTypes, Set.of());
    }

    /**
     * @param excludedColumns columns left out as the file is read, before any typing: not features (a request id,
     *                        a timestamp), so nothing about them is kept or checked
     */
    public TableReader(Map<String, ColumnType> declaredTypes, Set<String> excludedColumns) {
        this(declaredTypes, excludedColumns, MemoryBudget.UNLIMITED);
    }

    /**
     * @param budget the memory the numbers kept may take; a numeric column that would pass it is read as a sketch
     *               ({@link Table#sketchedColumns()})
     */
    TableReader(Map<String, ColumnType> declaredTypes, Set<String> excludedColumns, MemoryBudget budget) {
        this.declaredTypes = Map.copyOf(requireNonNull(declaredTypes, "declaredTypes"));
        this.excludedColumns = Set.copyOf(requireNonNull(excludedColumns, "excludedColumns"));
        this.budget = requireNonNull(budget, "budget");
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
        requireFile(file);
        Map<String, ColumnType> types = new HashMap<>(declaredTypes);
        types.putAll(extraTypes);
        InputFile input = inputOf(file);
        TableFormat format = formatOf(input);
        ColumnSet firstPass = new ColumnSet(file, types, null, true, excludedColumns, budget);
        long rows = readPass(format, input, firstPass);
        if (rows == 0) {
            throw new BadInputException(file + " has no data rows; it needs at least one row after the header");
        }
        Map<String, Table.MixedColumn> mixed = new HashMap<>();
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        Map<String, NumericProfile> sketched = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Map<String, String> notComparable = new LinkedHashMap<>();
        firstPass.arrayFields().forEach((field, line) -> notComparable.put(field, "holds a JSON array (first on line "
                + line + "); driftwatch compares fields of single values, so it was not compared"));
        for (ColumnAccumulator column : firstPass.accumulators().values()) {
            if (notComparable.containsKey(column.name())) {
                continue;
            }
            order.add(column.name());
            if (column.typeRead() == column.type() && column.sketched()) {
                sketched.put(column.name(), column.finishSketch(rows));
            } else if (column.typeRead() == column.type()) {
                columns.put(column.name(), column.finish(rows));
            } else {
                columns.put(column.name(), column.countsLabelsEarly() ? column.finishLabels(rows) : null);
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
            ColumnSet secondPass = new ColumnSet(file, categorical, reread, true, excludedColumns, budget);
            readPass(format, input, secondPass);
            secondPass.accumulators().forEach((name, column) -> columns.put(name, column.finish(rows)));
        }
        return new Table(file, rows, columns, mixed, notComparable, sketched, order);
    }

    /**
     * The type {@link #read} gives each column of {@code file}, in the file's order, from one pass that counts the
     * values rather than keeping them: memory is a few counters and one value per column however long the file, and the time is
     * that of {@code read}'s first pass. A field that holds a JSON array is left out, as {@code read} leaves it out.
     *
     * @throws BadInputException when the file is missing, unreadable or malformed, or a declared-numeric column
     *                           holds a non-number
     */
    public Map<String, ColumnType> columnTypes(Path file) throws BadInputException {
        requireFile(file);
        ColumnSet counted = new ColumnSet(file, declaredTypes, null, false, excludedColumns, MemoryBudget.UNLIMITED);
        InputFile input = inputOf(file);
        readPass(formatOf(input), input, counted);
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnAccumulator column : counted.accumulators().values()) {
            if (!counted.arrayFields().containsKey(column.name())) {
                types.put(column.name(), column.typeRead());
            }
        }
        return types;
    }

    private static void requireFile(Path file) throws BadInputException {
        requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist or is not a file; check the path");
        }
    }

    static long readPass(TableFormat format, InputFile input, ColumnSet columns) throws BadInputException {
        try {
            return format.readInto(input, columns);
        } catch (InputFile.DamagedGzipException e) {
            throw new BadInputException(String.valueOf(e.getMessage()), e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(input.path() + " does not exist; check the path", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + input.path() + ": " + e.getMessage(), e);
        }
    }

    static InputFile inputOf(Path file) throws BadInputException {
        try {
            return InputFile.of(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist; check the path", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static TableFormat formatOf(InputFile input) {
        return switch (input.kind()) {
            case CSV -> new CsvFormat();
            case JSON_LINES -> new JsonLinesFormat();
            case PARQUET -> new ParquetFormat();
        };
    }
}
