package io.driftwatch.stats.compare;

import io.driftwatch.stats.expect.ExpectationCheck;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Compares a current data set with a reference: the drift tests per shared column, the schema findings,
 * and dataset drift. This is the whole of {@code driftwatch check} after the files are read; a window
 * whose profiles still hold their values gets the same numbers from {@link ProfileComparator}, which
 * shares this path. Columns are compared in parallel; the report keeps the reference's column order.
 * {@link ComparisonSettings#minCurrentRecords()} does not apply: check compares the files it is given, and
 * {@link DatasetJudgement} withholds the verdict on too few rows. A column without a single valid value is one
 * that side lacks, as the stream's {@link ProfileComparator} has it: a missing (or unexpected) column. The
 * current file's columns are checked against {@link ComparisonSettings#expectations()} on their exact values.
 */
public final class DatasetComparator {
    private final ColumnwiseComparison comparison;

    public DatasetComparator(ComparisonSettings settings) {
        this.comparison = new ColumnwiseComparison(requireNonNull(settings, "settings"));
    }

    /**
     * @param reference columns by name, in the order reports should list them
     * @param current   columns by name
     */
    public DriftComparison compare(Map<String, ? extends ColumnData> reference, Map<String, ? extends ColumnData> current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        // The comparison pairs only the columns that both sides name.
        return comparison.compare(withValues(reference), withValues(current), withoutValues(reference), withoutValues(current),
                column -> new ExactColumnPair(requireNonNull(reference.get(column), column),
                        requireNonNull(current.get(column), column)),
                (column, expectation) -> ExpectationCheck.onValues(expectation, requireNonNull(current.get(column), column)),
                null);
    }

    private static List<String> withValues(Map<String, ? extends ColumnData> columns) {
        return columns.entrySet().stream().filter(entry -> entry.getValue().validCount() > 0).map(Map.Entry::getKey).toList();
    }

    private static List<String> withoutValues(Map<String, ? extends ColumnData> columns) {
        return columns.entrySet().stream().filter(entry -> entry.getValue().validCount() == 0).map(Map.Entry::getKey).toList();
    }
}
