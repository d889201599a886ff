package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.ResultBound;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Threshold;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.topology.trigger.TriggerIds;
import io.driftwatch.topology.window.WindowKey;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the statistics' report of a window into the record of the drift-reports topic. The report id is
 * derived from model, version and window, so a replayed window carries the same id. A column's informational
 * tests go to their own field, in the same shape as the deciding ones, so no reader of {@code tests} (triggers,
 * alerts, metrics) ever sees them.
 */
public final class DriftReportRecords {
    private DriftReportRecords() {
    }

    public static String reportId(WindowKey window) {
        return TriggerIds.of("drift-report", window.model(), window.version(), Long.toString(window.startMillis()));
    }

    /**
     * @param withheld why no verdict was given (too few records), or null
     * @param policyId the id of the policy whose rules judged the window
     */
    public static DriftReport of(WindowKey window, DriftComparison report, ComparisonBasis basis, @Nullable String baselineId,
                                 long records, @Nullable String withheld, String policyId) {
        return DriftReport.newBuilder()
                .setReportId(reportId(window))
                .setModelName(window.model())
                .setModelVersion(window.version())
                .setWindowStart(Instant.ofEpochMilli(window.startMillis()))
                .setWindowEnd(Instant.ofEpochMilli(window.endMillis()))
                .setComparison(basis)
                .setBaselineId(baselineId)
                .setRecords(records)
                .setVerdictWithheld(withheld)
                .setColumns(report.columns().values().stream().map(DriftReportRecords::column).toList())
                .setSchemaFindings(report.schemaFindings().stream().map(DriftReportRecords::finding).toList())
                .setDatasetColumns(report.dataset().columns())
                .setDriftedColumns(report.dataset().driftedColumns())
                .setInconclusiveColumns(report.dataset().inconclusiveColumns())
                .setDriftShare(report.dataset().share())
                .setDriftShareThreshold(report.dataset().threshold())
                .setDatasetDrift(withheld == null && report.dataset().driftDetected())
                .setPolicyId(policyId)
                .build();
    }

    /**
     * The comparison a drift-reports record holds, as the stream decided it: each test's stored verdict, threshold
     * and bound, not a new judgement, so a page drawn from it says what the triggers and alerts acted on. What the
     * record does not carry stays empty: the tests a column could not run, and its unseen categories (the record's
     * schema findings name them).
     *
     * @throws IllegalArgumentException when a test's condition is not one driftwatch writes
     */
    public static DriftComparison comparison(DriftReport record) {
        Map<String, ColumnReport> columns = new LinkedHashMap<>();
        for (ColumnDrift column : record.getColumns()) {
            columns.put(column.getFeature(), new ColumnReport(column.getFeature(),
                    column.getColumnType() == ColumnKind.NUMERIC ? ColumnType.NUMERIC : ColumnType.CATEGORICAL,
                    column.getComparedAsCategories(), column.getReferenceCount(), column.getCurrentCount(),
                    column.getReferenceMissing(), column.getCurrentMissing(), verdicts(column.getTests()), Map.of(), List.of(),
                    verdicts(column.getInformational())));
        }
        List<SchemaFinding> findings = record.getSchemaFindings().stream().map(finding -> new SchemaFinding(
                finding.getFeature(), SchemaFinding.Kind.valueOf(finding.getKind().name()),
                SchemaFinding.Severity.valueOf(finding.getSeverity().name()), finding.getDetail())).toList();
        return new DriftComparison(columns, findings, new DatasetVerdict(record.getDatasetColumns(), record.getDriftedColumns(),
                record.getInconclusiveColumns(), record.getDriftShare(), record.getDriftShareThreshold()));
    }

    private static Map<String, TestVerdict> verdicts(List<TestResult> results) {
        Map<String, TestVerdict> verdicts = new LinkedHashMap<>();
        for (TestResult result : results) {
            ResultBound stored = result.getBound();
            ErrorBound bound = stored == null ? null : new ErrorBound(stored.getStatisticLow(), stored.getStatisticHigh(),
                    stored.getPValueLow(), stored.getPValueHigh(), stored.getConfidence());
            Threshold.Rule rule = Threshold.Rule.describedBy(result.getCondition()).orElseThrow(() -> new IllegalArgumentException(
                    "test " + result.getTest() + " has a condition no driftwatch writes: " + result.getCondition()));
            verdicts.put(result.getTest(), new TestVerdict(result.getTest(),
                    new TestOutcome(result.getStatistic(), result.getPValue(), Method.valueOf(result.getMethod().name()), bound),
                    new Threshold(rule, result.getThreshold()), Verdict.valueOf(result.getVerdict().name())));
        }
        return verdicts;
    }

    private static ColumnDrift column(ColumnReport column) {
        List<TestResult> tests = column.tests().values().stream().map(DriftReportRecords::test).toList();
        return ColumnDrift.newBuilder()
                .setFeature(column.column())
                .setColumnType(column.type() == ColumnType.NUMERIC ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL)
                .setComparedAsCategories(column.comparedAsCategories())
                .setReferenceCount(column.referenceCount())
                .setCurrentCount(column.currentCount())
                .setReferenceMissing(column.referenceMissing())
                .setCurrentMissing(column.currentMissing())
                .setVerdict(DriftVerdict.valueOf(column.verdict().name()))
                .setTests(tests)
                .setInformational(column.informational().values().stream().map(DriftReportRecords::test).toList())
                .build();
    }

    private static TestResult test(TestVerdict verdict) {
        ErrorBound bound = verdict.outcome().bound();
        return TestResult.newBuilder()
                .setTest(verdict.test())
                .setStatistic(verdict.outcome().statistic())
                .setPValue(verdict.outcome().pValue())
                .setMethod(TestMethod.valueOf(verdict.outcome().method().name()))
                .setThreshold(verdict.threshold().value())
                .setCondition(verdict.threshold().describe())
                .setVerdict(DriftVerdict.valueOf(verdict.verdict().name()))
                .setBound(bound == null ? null : new ResultBound(bound.statisticLow(), bound.statisticHigh(),
                        bound.pValueLow(), bound.pValueHigh(), bound.confidence()))
                .build();
    }

    private static SkewFinding finding(SchemaFinding finding) {
        return SkewFinding.newBuilder()
                .setFeature(finding.column())
                .setKind(SkewKind.valueOf(finding.kind().name()))
                .setSeverity(SkewSeverity.valueOf(finding.severity().name()))
                .setDetail(finding.detail())
                .build();
    }
}
