package io.driftwatch.stats.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The result of comparing a current data set with a reference: per-column verdicts, schema findings
 * and the dataset verdict. Immutable; columns keep the reference's column order. The stream writes it to Kafka as
 * the Avro record {@code DriftReport}; {@code check} prints it.
 */
public record DriftComparison(Map<String, ColumnReport> columns, List<SchemaFinding> schemaFindings, DatasetVerdict dataset) {
    public DriftComparison {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        schemaFindings = List.copyOf(schemaFindings);
        requireNonNull(dataset, "dataset");
    }

    /** The same report with {@code more} findings after its own, e.g. about fields the reader could not compare. */
    public DriftComparison withFindings(List<SchemaFinding> more) {
        List<SchemaFinding> all = new ArrayList<>(schemaFindings);
        all.addAll(more);
        return new DriftComparison(columns, all, dataset);
    }

    /** Columns with drift first, most severe first; then the rest in their original order. */
    public List<ColumnReport> columnsBySeverity() {
        return columns.values().stream()
                .sorted(Comparator.comparingInt((ColumnReport c) -> rank(c.verdict()))
                        .thenComparingDouble(c -> c.driftDetected() ? -c.severityScore() : 0))
                .toList();
    }

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case DRIFT -> 0;
            case INCONCLUSIVE -> 1;
            case NO_DRIFT -> 2;
        };
    }
}
