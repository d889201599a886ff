package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * Collects one column's values while a file is read. A numeric column keeps its numbers in primitive blocks
 * ({@link KeptNumbers}); a categorical one keeps counts only ({@link CategoryTally}). A column whose type was not
 * declared starts out numeric and remembers the first value that is not a number, so the reader can re-read it as
 * categories; read from CSV, a column whose first value that is not missing is not a number counts its labels from
 * there on instead ({@link #countsLabelsEarly()}), since every field before it is one a categorical reading counts
 * too, so the usual label column needs no second pass.
 * One that does not keep values only counts them, to learn the column's type in constant memory. A numeric column
 * that needs more room than the {@link MemoryBudget} has left feeds what it kept into a profile (the stream's sketches)
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
    private final KeptNumbers numbers;
    private final int rowBound;
    private final SortScratch scratch;
    private long reservedBytes;
    private @Nullable NumericProfile sketch;
    private int numberCount;
    private final CategoryTally labels = new CategoryTally();
    private boolean countsLabelsEarly;
    /** Fields read as missing in this numeric column though a categorical reading counts them as labels. */
    private long spelledMissing;
    private long missing;
    private long observed;
    private long notNumbers;
    private @Nullable String firstNotNumber;
    private long firstNotNumberLine;

    /**
     * @param keepsValues     false to count values without keeping them: the column can then tell its type, not its data
     * @param initialCapacity how many numbers the first block holds: small for a chunk, of which there may be many
     */
    ColumnAccumulator(String name, ColumnType type, boolean declared, boolean keepsValues, MemoryBudget budget,
                      int initialCapacity) {
        this(name, type, declared, keepsValues, budget, initialCapacity, 0, new SortScratch());
    }

    /**
     * @param rowBound at most how many rows the file holds ({@link RowBound}), 0 when unknown: the numbers are kept in
     *                 one array of that length when the budget has room for it, sorted in place when the file ends
     * @param scratch  the sort's second buffer, shared by the columns of the file
     */
    ColumnAccumulator(String name, ColumnType type, boolean declared, boolean keepsValues, MemoryBudget budget,
                      int initialCapacity, int rowBound, SortScratch scratch) {
        this.name = name;
        this.type = type;
        this.declared = declared;
        this.keepsValues = keepsValues;
        this.budget = budget;
        this.numbers = new KeptNumbers(Math.max(1, initialCapacity));
        this.rowBound = rowBound;
        this.scratch = scratch;
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
            if (!numbers.hasRoom() && !grow()) {
                startSketch().update(value);
            } else {
                numbers.add(value);
            }
        }
        numberCount++;
    }

    /**
     * Adds a block to the kept values if the budget has room for it; false, unchanged, if not. The first block is one
     * of the file's rows when they are known and the budget takes them; else it is not reserved: it is the few numbers
     * every column starts with, as small as the accumulator was asked for.
     */
    private boolean grow() {
        if (numbers.capacity() == 0 && rowBound > 0) {
            long rowBytes = (long) rowBound * Double.BYTES;
            if (budget.tryReserve(rowBytes)) {
                reservedBytes += rowBytes;
                numbers.presize(rowBound);
                return true;
            }
        }
        long moreBytes = numbers.capacity() == 0 ? 0 : numbers.nextBlockBytes();
        if (!budget.tryReserve(moreBytes)) {
            return false;
        }
        reservedBytes += moreBytes;
        numbers.addBlock();
        return true;
    }

    private NumericProfile startSketch() {
        NumericProfile profile = NumericProfile.create(NumericProfileConfig.defaults());
        numbers.forEach(profile::update);
        numbers.clear();
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
            labels.add(value);
        }
    }

    /** A CSV label, bytes {@code [start, end)} of {@code bytes} in UTF-8. */
    void addCategory(byte[] bytes, int start, int end) {
        observed++;
        if (keepsValues) {
            labels.add(bytes, start, end);
        }
    }

    /**
     * A CSV field this numeric column reads as missing, bytes {@code [start, end)}: a categorical reading counts it
     * as a label unless it is empty, so while no number came it is counted as one too, in case the column turns out
     * to hold labels.
     */
    void addMissing(byte[] bytes, int start, int end) {
        addMissing();
        if (mayCountLabelsEarly() && start < end) {
            labels.add(bytes, start, end);
            spelledMissing++;
        }
    }

    /**
     * A CSV field that is not a number in this undeclared numeric column, bytes {@code [start, end)}: recorded as
     * {@link #addNotNumber} does, and, when no number came before it, counted as a label with every later field.
     */
    void addNotNumber(byte[] bytes, int start, int end, long line) {
        boolean first = notNumbers == 0;
        addNotNumber(first ? new String(bytes, start, end - start, StandardCharsets.UTF_8) : "", line);
        if (first && mayCountLabelsEarly()) {
            countsLabelsEarly = true;
            missing -= spelledMissing;
        }
        if (countsLabelsEarly) {
            labels.add(bytes, start, end);
        }
    }

    private boolean mayCountLabelsEarly() {
        return keepsValues && !declared && numberCount == 0 && notNumbers == 0 && type == ColumnType.NUMERIC;
    }

    /**
     * Whether this column counts its CSV fields as labels ({@link #addLabelEarly}) since its first value that is not
     * a number, which came before any number: {@link #finishLabels} then gives it as categories, as a second pass
     * reading it as categorical would.
     */
    boolean countsLabelsEarly() {
        return countsLabelsEarly;
    }

    /**
     * A CSV field of a column that {@link #countsLabelsEarly()}, as this numeric column reads it ({@code kind}) for
     * the counts of numbers and of other values, and counted as a label unless it is empty.
     */
    void addLabelEarly(FieldReading.Kind kind, byte[] bytes, int start, int end) {
        if (start == end) {
            addMissing();
            return;
        }
        observed++;
        switch (kind) {
            case NUMBER -> numberCount++;
            case NOT_A_NUMBER -> notNumbers++;
            case MISSING, LABEL -> { }
        }
        labels.add(bytes, start, end);
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
            double[] values = numbers.toSortedArray(scratch);
            return new ColumnData.Numeric(SortedSample.ofOwned(values), missing + absent);
        }
        return new ColumnData.Categorical(CategoryCounts.of(labels.counts()), missing + absent);
    }

    /** The categories of a column that {@link #countsLabelsEarly()}: its rows with no field counted as missing. */
    ColumnData finishLabels(long rows) {
        if (!countsLabelsEarly) {
            throw new IllegalStateException("column '" + name + "' did not count its labels");
        }
        return new ColumnData.Categorical(CategoryCounts.of(labels.counts()), missing + rows - observed);
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
