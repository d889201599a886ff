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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Drift reports in the table a person scans: a row per window with its verdict, its multivariate drift
 * ({@link MultivariateCell}), each drifted feature with the statistic, p-value and threshold of the test that decided
 * it (with its rank, in rank order, when the window ranks its features), what the schema findings were, and the
 * feature ranking's top features ({@link RankingCell}).
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
        return List.of("window start", "model", "version", "records", "verdict", "multivariate", "drifted features", "schema findings",
                "feature ranking");
    }

    @Override
    public List<List<String>> rows(DriftReport report) {
        Map<String, Integer> ranks = RankingCell.ranks(report.getFeatureRanking());
        List<String> drifted = report.getColumns().stream().filter(column -> column.getVerdict() == DriftVerdict.DRIFT)
                // A stable sort: without a ranking every rank is MAX_VALUE and the report's column order stays.
                .sorted(Comparator.comparingInt(column -> ranks.getOrDefault(column.getFeature(), Integer.MAX_VALUE)))
                .map(column -> rank(ranks, column.getFeature()) + column.getFeature()
                        + decidingTest(column).map(DriftReports::describe).orElse(""))
                .toList();
        return List.of(List.of(report.getWindowStart().toString(), report.getModelName(), report.getModelVersion(),
                Long.toString(report.getRecords()), verdict(report), MultivariateCell.of(report.getMultivariate()),
                drifted.isEmpty() ? "-" : String.join("; ", drifted), findings(report.getSchemaFindings()),
                RankingCell.of(report.getFeatureRanking())));
    }

    private static String rank(Map<String, Integer> ranks, String feature) {
        Integer rank = ranks.get(feature);
        return rank == null ? "" : "#" + rank + " ";
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
