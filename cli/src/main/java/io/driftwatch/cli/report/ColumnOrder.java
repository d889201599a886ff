package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.DriftComparison;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The order of the HTML report's column cards and the heading above them: drifted first by severity, or the order
 * of a feature ranking ({@code check --rank}), so a reader meets the columns that matter first.
 *
 * @param heading the section's heading, naming the order when it is not the usual one
 * @param columns the columns first, in this order; the rest follow by severity
 */
public record ColumnOrder(String heading, List<String> columns) {
    /** Drifted columns first, most severe first, then the rest in their order. */
    public static final ColumnOrder BY_SEVERITY = new ColumnOrder("Columns", List.of());

    public ColumnOrder {
        requireNonNull(heading, "heading");
        columns = List.copyOf(columns);
    }

    /** The report's columns in this order. */
    public List<ColumnReport> apply(DriftComparison report) {
        List<ColumnReport> ordered = new ArrayList<>();
        for (String column : columns) {
            ColumnReport found = report.columns().get(column);
            if (found != null) {
                ordered.add(found);
            }
        }
        report.columnsBySeverity().stream().filter(column -> !columns.contains(column.column())).forEach(ordered::add);
        return ordered;
    }
}
