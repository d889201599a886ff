package io.driftwatch.cli.report;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.TablePair;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetComparator;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.SchemaFinding;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One {@code check} of a current file against a reference file: read, compared, judged. {@code check} and
 * {@code demo --batch} both run it, so the demo shows exactly what the command does and exits with.
 *
 * @param report    every column's tests and the schema findings, including fields no test can compare
 * @param judgement whether the dataset verdict can be acted on
 */
public record FileCheck(DriftComparison report, DatasetJudgement judgement) {
    public FileCheck {
        requireNonNull(report, "report");
        requireNonNull(judgement, "judgement");
    }

    public static FileCheck run(Path reference, Path current, Map<String, ColumnType> declaredTypes,
                                ComparisonSettings settings, long minRows) throws BadInputException {
        TablePair tables = TablePair.read(reference, current, declaredTypes);
        DriftComparison report = new DatasetComparator(settings).compare(tables.reference().columns(), tables.current().columns())
                .withFindings(notComparable(tables));
        return new FileCheck(report, DatasetJudgement.of(report, tables.current().rows(), minRows));
    }

    /** A warning per field a file holds but no test can compare (a JSON array), the current file's first. */
    private static List<SchemaFinding> notComparable(TablePair tables) {
        Map<String, String> fields = new LinkedHashMap<>();
        tables.current().notComparable().forEach((field, reason) -> fields.put(field, "the current data " + reason));
        tables.reference().notComparable().forEach((field, reason) -> fields.putIfAbsent(field, "the reference " + reason));
        return fields.entrySet().stream().map(field -> new SchemaFinding(field.getKey(), SchemaFinding.Kind.NOT_COMPARABLE,
                SchemaFinding.Severity.WARNING, field.getValue())).toList();
    }
}
