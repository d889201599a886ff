package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Drift reports in the table a person scans: a row per window with its verdict, each drifted feature with the
 * statistic, p-value and threshold of the test that decided it, and what the schema findings were.
 */
final class DriftReports implements ReportKind<DriftReport> {
    @Override
    public Topic<String, DriftReport> topic() {
        return Topics.DRIFT_REPORTS;
    }

    @Override
    public String model(DriftReport report) {
        return report.getModelName();
    }

    @Override
    public String version(DriftReport report) {
        return report.getModelVersion();
    }

    @Override
    public Instant time(DriftReport report) {
        return report.getWindowStart();
    }

    @Override
    public ObjectNode json(DriftReport report) {
        return DriftReportJson.node(report);
    }

    @Override
    public List<String> header() {
        return List.of("window start", "model", "version", "records", "verdict", "drifted features", "schema findings");
    }

    @Override
    public List<List<String>> rows(DriftReport report) {
        List<String> drifted = new ArrayList<>();
        for (ColumnDrift column : report.getColumns()) {
            if (column.getVerdict() == DriftVerdict.DRIFT) {
                drifted.add(column.getFeature() + decidingTest(column).map(DriftReports::describe).orElse(""));
            }
        }
        return List.of(List.of(report.getWindowStart().toString(), report.getModelName(), report.getModelVersion(),
                Long.toString(report.getRecords()), verdict(report), drifted.isEmpty() ? "-" : String.join("; ", drifted),
                findings(report.getSchemaFindings())));
    }

    static String verdict(DriftReport report) {
        if (report.getVerdictWithheld() != null) {
            return "withheld";
        }
        return report.getDatasetDrift() ? "DRIFT" : "no";
    }

    private static Optional<TestResult> decidingTest(ColumnDrift column) {
        return column.getTests().stream().filter(test -> test.getVerdict() == DriftVerdict.DRIFT).findFirst();
    }

    private static String describe(TestResult test) {
        String pValue = test.getPValue() == null ? "" : " p " + Cells.number(test.getPValue());
        return " " + test.getTest() + " " + Cells.number(test.getStatistic()) + pValue
                + " (threshold " + Cells.number(test.getThreshold()) + ")";
    }

    private static String findings(List<SkewFinding> findings) {
        if (findings.isEmpty()) {
            return "-";
        }
        TreeSet<String> kinds = new TreeSet<>();
        findings.forEach(finding -> kinds.add(finding.getKind().name()));
        return findings.size() + " (" + String.join(", ", kinds) + ")";
    }
}
