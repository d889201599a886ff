package io.driftwatch.stats.compare;

import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.expect.ExpectationCheck;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Severity.ERROR;
import static io.driftwatch.stats.compare.SchemaFinding.Severity.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The comparison {@link DatasetComparator} and {@link ProfileComparator} share once each knows which columns
 * the two sides have and how a shared column is held: missing and unexpected columns, type changes, the
 * tests and findings per shared column (in parallel), the policy's expectations, and the dataset verdict.
 * Keeping it in one place is what makes a window held exactly give the very report {@code check} gives.
 * Stateless and thread-safe.
 *
 * <p>Expectations are about the current data alone: a column the current side has gets its expectation's
 * findings after its other ones, whether the reference has the column or not. A column the current side
 * lacks (absent, or every row missing it) is reported once: as the missing column it already is when the
 * reference has it (an error, whatever the expectation says), else as a required column when its expectation
 * requires it, after every other finding and in the expectations' order.
 */
final class ColumnwiseComparison {
    private final ComparisonSettings settings;
    private final ColumnComparator columnComparator;
    private final SchemaChecks schemaChecks;

    ColumnwiseComparison(ComparisonSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.columnComparator = new ColumnComparator(settings);
        this.schemaChecks = new SchemaChecks(settings.missingRateJump());
    }

    /**
     * @param referenceColumns the columns the reference has, in the order reports list them
     * @param currentColumns   the columns the current side has, unexpected ones reported in this order
     * @param emptyInReference columns the reference names but holds no value in: absent, and the finding says so
     * @param emptyInCurrent   columns the current side names but holds no value in: missing, as in TFDV, and
     *                         the finding says so
     * @param pairs            how a column both sides have is held; called once per shared column, in parallel
     * @param expected         the findings of a column's expectation on the current side, as that side holds the
     *                         column; called once per expected column the current side has
     * @param notTestedReason  when present, no test runs and every shared column gives this reason
     */
    DriftComparison compare(List<String> referenceColumns, Collection<String> currentColumns,
                        Collection<String> emptyInReference, Collection<String> emptyInCurrent,
                        Function<String, ColumnPair> pairs,
                        BiFunction<String, ColumnExpectation, List<SchemaFinding>> expected,
                        @Nullable String notTestedReason) {
        Set<String> current = Set.copyOf(currentColumns);
        Set<String> reference = Set.copyOf(referenceColumns);
        Map<String, ColumnReport> reportsByColumn = new ConcurrentHashMap<>();
        Map<String, List<SchemaFinding>> findingsByColumn = new ConcurrentHashMap<>();
        referenceColumns.stream().filter(current::contains).toList().parallelStream().forEach(column -> {
            ColumnPair pair = pairs.apply(column);
            if (pair.referenceType() != pair.currentType()) {
                findingsByColumn.put(column, List.of(SchemaChecks.typeChange(column, pair.referenceType(),
                        pair.currentType())));
                return;
            }
            ColumnReport report = notTestedReason == null ? columnComparator.compare(column, pair)
                    : columnComparator.notTested(column, pair, notTestedReason);
            reportsByColumn.put(column, report);
            findingsByColumn.put(column, pair.findings(column, schemaChecks, report.unseenCategories()));
        });
        Map<String, ColumnReport> columns = new LinkedHashMap<>();
        List<SchemaFinding> findings = new ArrayList<>();
        for (String column : referenceColumns) {
            if (!current.contains(column)) {
                findings.add(new SchemaFinding(column, MISSING_COLUMN, ERROR, emptyInCurrent.contains(column)
                        ? "in the reference, but every current row is missing it (missing share 100%): a broken feed"
                        : "in the reference but not in the current data"));
                continue;
            }
            if (reportsByColumn.containsKey(column)) {
                columns.put(column, reportsByColumn.get(column));
            }
            findings.addAll(findingsByColumn.getOrDefault(column, List.of()));
            findings.addAll(expectationFindings(column, expected));
        }
        currentColumns.stream().filter(column -> !reference.contains(column)).forEach(column -> {
            findings.add(new SchemaFinding(column, UNEXPECTED_COLUMN, WARNING, emptyInReference.contains(column)
                    ? "in the current data; the reference names it but has no value in it"
                    : "in the current data but not in the reference"));
            findings.addAll(expectationFindings(column, expected));
        });
        settings.expectations().values().stream()
                .filter(expectation -> !current.contains(expectation.column())
                        && !reference.contains(expectation.column()))
                .forEach(expectation -> ExpectationCheck.onAbsence(expectation,
                        emptyInCurrent.contains(expectation.column())).ifPresent(findings::add));
        return new DriftComparison(columns, findings, datasetVerdict(columns));
    }

    private List<SchemaFinding> expectationFindings(String column,
                                                    BiFunction<String, ColumnExpectation, List<SchemaFinding>> expected) {
        ColumnExpectation expectation = settings.expectations().get(column);
        return expectation == null ? List.of() : expected.apply(column, expectation);
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
