package io.driftwatch.cli.report;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.TablePair;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.calibration.ReferenceCalibration;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetComparator;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.SchemaFinding;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * One {@code check} of a current file against a reference file: read, compared, judged. {@code check} and
 * {@code demo --batch} both run it, so the demo shows exactly what the command does and exits with.
 *
 * @param report          every column's tests and the schema findings, including fields no test can compare
 * @param judgement       whether the dataset verdict can be acted on
 * @param excludedColumns the columns left out as the files were read (not features), sorted
 * @param charts          each column's chart, drawn from the columns as read when the HTML report asks for it
 * @param sketchedColumns the columns compared by their sketches because their values would not fit in the heap,
 *                        each with the sentence that says why, in the reference's order; empty when all fit
 */
public record FileCheck(DriftComparison report, DatasetJudgement judgement, Set<String> excludedColumns, ColumnCharts charts,
                        Map<String, String> sketchedColumns) {
    public FileCheck {
        requireNonNull(report, "report");
        requireNonNull(judgement, "judgement");
        requireNonNull(charts, "charts");
        excludedColumns = Collections.unmodifiableSet(new TreeSet<>(excludedColumns));
        sketchedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(sketchedColumns));
    }

    public FileCheck(DriftComparison report, DatasetJudgement judgement) {
        this(report, judgement, Set.of(), ColumnCharts.none(), Map.of());
    }

    public static FileCheck run(Path reference, Path current, Map<String, ColumnType> declaredTypes,
                                ComparisonSettings settings, long minRows) throws BadInputException {
        return run(reference, current, declaredTypes, Set.of(), settings, CalibrationTargets.NONE, minRows);
    }

    /**
     * Like {@link #run(Path, Path, Map, ComparisonSettings, long)}, leaving {@code excludedColumns} out of both files
     * as they are read, and holding {@code calibrated}'s tests to thresholds calibrated on the reference file as
     * {@code baseline} calibrates them on a training file ({@link CalibrationPlan#defaults()}).
     */
    public static FileCheck run(Path reference, Path current, Map<String, ColumnType> declaredTypes,
                                Set<String> excludedColumns, ComparisonSettings settings, CalibrationTargets calibrated,
                                long minRows) throws BadInputException {
        TablePair tables = TablePair.read(reference, current, declaredTypes, excludedColumns);
        return of(tables, judgedSettings(settings, calibrated, tables), calibrated, excludedColumns, minRows);
    }

    /** {@code settings} with {@code calibrated}'s tests' thresholds calibrated on the reference as read. */
    static ComparisonSettings judgedSettings(ComparisonSettings settings, CalibrationTargets calibrated, TablePair tables) {
        return calibrated.isEmpty() ? settings
                : ReferenceCalibration.apply(settings, calibrated, tables.reference().columns());
    }

    /** The check of files already read, judged by {@code judged} ({@link #judgedSettings}). */
    static FileCheck of(TablePair tables, ComparisonSettings judged, CalibrationTargets calibrated,
                        Set<String> excludedColumns, long minRows) {
        DatasetComparator comparator = new DatasetComparator(judged);
        Map<String, String> sketched = SketchedColumns.of(tables, calibrated);
        DriftComparison report = (sketched.isEmpty()
                ? comparator.compare(tables.reference().columns(), tables.current().columns())
                : comparator.compare(tables.reference().held(), tables.current().held()))
                .withFindings(notComparable(tables));
        return new FileCheck(report, DatasetJudgement.of(report, tables.current().rows(), minRows), excludedColumns,
                ColumnCharts.of(tables.reference().columns(), tables.current().columns(),
                        tables.reference().sketchedColumns(), tables.current().sketchedColumns()), sketched);
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
