package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Collects one column's values while a file is read. A numeric column keeps its numbers in a growing
 * primitive array; a categorical one keeps counts only. A column whose type was not declared starts out
 * numeric and remembers the first value that is not a number, so the reader can re-read it as categories.
 * One that does not keep values only counts them, to learn the column's type in constant memory. A numeric column
 * whose array would grow past the {@link MemoryBudget} feeds what it kept into a profile (the stream's sketches)
 * and goes on as that profile.
 * Not thread-safe: one per column per reading thread. ({@link RoutedColumnAccumulator} extends it to hand each value
 * to the accumulator of the row's chunk.)
 */
class ColumnAccumulator {
    private final String name;
    private final ColumnType type;
    private final boolean declared;
    private final boolean keepsValues;
    private final MemoryBudget budget;
    private double[] numbers;
    private long reservedBytes;
    private @Nullable NumericProfile sketch;
    private int numberCount;
    private final Map<String, Long> categoryCounts = new HashMap<>();
    private long missing;
    private long observed;
    private long notNumbers;
    private @Nullable String firstNotNumber;
    private long firstNotNumberLine;

    /**
     * @param keepsValues false to count values without keeping them: the column can then tell its type, not its data
     */
    ColumnAccumulator(String name, ColumnType type, boolean declared, boolean keepsValues, MemoryBudget budget) {
        this(name, type, declared, keepsValues, budget, 1024);
    }

    /** @param initialCapacity how many numbers the first array holds: small for a chunk, of which there may be many */
    ColumnAccumulator(String name, ColumnType type, boolean declared, boolean keepsValues, MemoryBudget budget,
                      int initialCapacity) {
        this.name = name;
        this.type = type;
        this.declared = declared;
        this.keepsValues = keepsValues;
        this.budget = budget;
        this.numbers = new double[keepsValues ? initialCapacity : 0];
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
        if (sketch != null) {
            sketch.update(value);
        } else if (keepsValues) {
            if (numberCount == numbers.length && !grow()) {
                startSketch().update(value);
            } else {
                numbers[numberCount] = value;
            }
        }
        numberCount++;
    }

    /** Doubles the kept values' array if the budget has room for the new half; false, unchanged, if not. */
    private boolean grow() {
        long moreBytes = (long) numbers.length * Double.BYTES;
        if (!budget.tryReserve(moreBytes)) {
            return false;
        }
        reservedBytes += moreBytes;
        numbers = Arrays.copyOf(numbers, numbers.length * 2);
        return true;
    }

    private NumericProfile startSketch() {
        NumericProfile profile = NumericProfile.create(NumericProfileConfig.defaults());
        for (int i = 0; i < numberCount; i++) {
            profile.update(numbers[i]);
        }
        numbers = new double[0];
        budget.release(reservedBytes);
        reservedBytes = 0;
        sketch = profile;
        return profile;
    }

    /** Whether the column stopped keeping its values for want of memory: {@link #finishSketch} gives it. */
    boolean sketched() {
        return sketch != null;
    }

    void addCategory(String value) {
        observed++;
        if (keepsValues) {
            categoryCounts.merge(value, 1L, Long::sum);
        }
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

    /**
     * The column's type once every value is in: its own (declared, or numeric to start with), unless a value was
     * not a number, which makes it categorical. A column with no value at all stays numeric.
     */
    ColumnType typeRead() {
        return notNumbers == 0 ? type : ColumnType.CATEGORICAL;
    }

    /** Rows that did not mention this column at all (JSON Lines) count as missing. */
    ColumnData finish(long rows) {
        if (!keepsValues || sketch != null) {
            throw new IllegalStateException("column '" + name + "' did not keep its values");
        }
        long absent = rows - observed;
        if (type == ColumnType.NUMERIC) {
            double[] values = numberCount == numbers.length ? numbers : Arrays.copyOf(numbers, numberCount);
            numbers = new double[0];
            return new ColumnData.Numeric(SortedSample.ofOwned(values), missing + absent);
        }
        return new ColumnData.Categorical(CategoryCounts.of(categoryCounts), missing + absent);
    }

    /** The profile of a column that stopped keeping values, its missing and absent rows counted as nulls. */
    NumericProfile finishSketch(long rows) {
        NumericProfile profile = requireNonNull(sketch, "column '" + name + "' kept its values");
        for (long i = 0; i < missing + rows - observed; i++) {
            profile.updateNull();
        }
        return profile;
    }
}
