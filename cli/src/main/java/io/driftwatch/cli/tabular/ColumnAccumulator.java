package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects one column's values while a file is read. A numeric column keeps its numbers in a growing
 * primitive array; a categorical one keeps counts only. A column whose type was not declared starts out
 * numeric and remembers the first value that is not a number, so the reader can re-read it as categories.
 * Not thread-safe: one per column per reading thread.
 */
final class ColumnAccumulator {
    private final String name;
    private final ColumnType type;
    private final boolean declared;
    private double[] numbers = new double[1024];
    private int numberCount;
    private final Map<String, Long> categoryCounts = new HashMap<>();
    private long missing;
    private long observed;
    private long notNumbers;
    private @Nullable String firstNotNumber;
    private long firstNotNumberLine;

    ColumnAccumulator(String name, ColumnType type, boolean declared) {
        this.name = name;
        this.type = type;
        this.declared = declared;
    }

    String name() {
        return name;
    }

    ColumnType type() {
        return type;
    }

    boolean declared() {
        return declared;
    }

    void addMissing() {
        observed++;
        missing++;
    }

    void addNumber(double value) {
        observed++;
        if (numberCount == numbers.length) {
            numbers = Arrays.copyOf(numbers, numbers.length * 2);
        }
        numbers[numberCount++] = value;
    }

    void addCategory(String value) {
        observed++;
        categoryCounts.merge(value, 1L, Long::sum);
    }

    /** Records a value a numeric column cannot take. */
    void addNotNumber(String text, long line) {
        observed++;
        if (notNumbers++ == 0) {
            firstNotNumber = text;
            firstNotNumberLine = line;
        }
    }

    long notNumbers() {
        return notNumbers;
    }

    @Nullable String firstNotNumber() {
        return firstNotNumber;
    }

    long firstNotNumberLine() {
        return firstNotNumberLine;
    }

    long numberCount() {
        return numberCount;
    }

    /** Rows that did not mention this column at all (JSON Lines) count as missing. */
    ColumnData finish(long rows) {
        long absent = rows - observed;
        if (type == ColumnType.NUMERIC) {
            double[] values = numberCount == numbers.length ? numbers : Arrays.copyOf(numbers, numberCount);
            numbers = new double[0];
            return new ColumnData.Numeric(SortedSample.ofOwned(values), missing + absent);
        }
        return new ColumnData.Categorical(CategoryCounts.of(categoryCounts), missing + absent);
    }
}
