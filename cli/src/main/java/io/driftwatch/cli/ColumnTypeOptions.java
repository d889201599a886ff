package io.driftwatch.cli;

import io.driftwatch.stats.compare.ColumnType;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --column-type} option of every command that reads a data file, written once as a mixin; public for the
 * commands of subpackages ({@code policy infer}).
 */
public final class ColumnTypeOptions {
    @Option(names = "--column-type", paramLabel = "NAME=numeric|categorical",
            description = "Declare a column's type instead of inferring it (numeric when every value is a number). Repeatable.")
    private Map<String, String> columnTypes = new LinkedHashMap<>();

    /**
     * @throws BadInputException when a type is neither numeric nor categorical
     */
    public Map<String, ColumnType> columnTypes() throws BadInputException {
        Map<String, ColumnType> types = new HashMap<>();
        for (Map.Entry<String, String> entry : columnTypes.entrySet()) {
            try {
                types.put(entry.getKey(), ColumnType.parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--column-type " + entry.getKey() + "=" + entry.getValue() + ": " + e.getMessage(), e);
            }
        }
        return types;
    }
}
