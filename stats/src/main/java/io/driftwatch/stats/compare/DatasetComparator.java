package io.driftwatch.stats.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Severity.ERROR;
import static io.driftwatch.stats.compare.SchemaFinding.Severity.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * Compares a current data set with a reference: the drift tests per shared column, the schema findings,
 * and dataset drift. This is the whole of {@code driftwatch check} after the files are read, and what a
 * streaming window report computes on an exactly-held window, so the two give the same numbers.
 * Columns are compared in parallel; the report keeps the reference's column order.
 */
public final class DatasetComparator {
    private final ComparisonSettings settings;
    private final ColumnComparator columnComparator;
    private final SchemaChecks schemaChecks;

    public DatasetComparator(ComparisonSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.columnComparator = new ColumnComparator(settings);
        this.schemaChecks = new SchemaChecks(settings.missingRateJump());
    }

    /**
     * @param reference columns by name, in the order reports should list them
     * @param current   columns by name
     */
    public DriftReport compare(Map<String, ? extends ColumnData> reference, Map<String, ? extends ColumnData> current) {
        List<String> shared = reference.keySet().stream().filter(current::containsKey).toList();
        Map<String, ColumnReport> reportsByColumn = new ConcurrentHashMap<>();
        Map<String, List<SchemaFinding>> findingsByColumn = new ConcurrentHashMap<>();
        shared.parallelStream().forEach(column -> {
            ColumnData ref = reference.get(column);
            ColumnData cur = current.get(column);
            if (ref.type() != cur.type()) {
                findingsByColumn.put(column, List.of(SchemaChecks.typeChange(column, ref, cur)));
                return;
            }
            ColumnReport report = columnComparator.compare(column, ref, cur);
            reportsByColumn.put(column, report);
            findingsByColumn.put(column, schemaChecks.findings(column, ref, cur, report.unseenCategories()));
        });
        Map<String, ColumnReport> columns = new LinkedHashMap<>();
        List<SchemaFinding> findings = new ArrayList<>();
        for (String column : reference.keySet()) {
            if (!current.containsKey(column)) {
                findings.add(new SchemaFinding(column, MISSING_COLUMN, ERROR, "in the reference but not in the current data"));
                continue;
            }
            if (reportsByColumn.containsKey(column)) {
                columns.put(column, reportsByColumn.get(column));
            }
            findings.addAll(findingsByColumn.getOrDefault(column, List.of()));
        }
        current.keySet().stream().filter(column -> !reference.containsKey(column)).forEach(column -> findings.add(
                new SchemaFinding(column, UNEXPECTED_COLUMN, WARNING, "in the current data but not in the reference")));
        return new DriftReport(columns, findings, datasetVerdict(columns));
    }

    private DatasetVerdict datasetVerdict(Map<String, ColumnReport> columns) {
        int compared = 0;
        int drifted = 0;
        int inconclusive = 0;
        for (ColumnReport column : columns.values()) {
            if (column.tests().isEmpty()) {
                continue;
            }
            compared++;
            switch (column.verdict()) {
                case DRIFT -> drifted++;
                case INCONCLUSIVE -> inconclusive++;
                case NO_DRIFT -> { }
            }
        }
        return DatasetVerdict.of(compared, drifted, inconclusive, settings.datasetDriftShare());
    }
}
