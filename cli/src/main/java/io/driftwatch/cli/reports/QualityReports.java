package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Quality reports in the table a person scans: a row per window with its metrics, how many predictions were labelled,
 * and whether the window is final. The service updates a window's report as labels arrive (not final, then final), so
 * the table keeps the latest per model, version and window, in the place the window first appeared. A report with a
 * performance estimate made before labels shows it in rows of its own under the window's row ({@link EstimateRows}).
 */
final class QualityReports implements ReportKind<QualityReport> {
    @Override
    public Topic<String, QualityReport> topic() {
        return Topics.QUALITY_REPORTS;
    }

    @Override
    public String model(QualityReport report) {
        return report.getModelName();
    }

    @Override
    public String version(QualityReport report) {
        return report.getModelVersion();
    }

    @Override
    public Instant time(QualityReport report) {
        return report.getWindowStart();
    }

    @Override
    public ObjectNode json(QualityReport report) {
        return QualityReportJson.node(report);
    }

    @Override
    public List<String> header() {
        return List.of("window start", "model", "version", "labelled/predictions", "final", "metrics");
    }

    @Override
    public List<List<String>> rows(QualityReport report) {
        StringJoiner metrics = new StringJoiner(", ");
        new TreeMap<>(report.getMetrics()).forEach((name, value) -> metrics.add(name + " " + Cells.number(value)));
        List<String> row = List.of(report.getWindowStart().toString(), report.getModelName(), report.getModelVersion(),
                report.getLabelled() + "/" + report.getPredictions(), report.getIsFinal() ? "final" : "not final",
                metrics.length() == 0 ? "-" : metrics.toString());
        EstimatedPerformance estimated = report.getEstimated();
        if (estimated == null) {
            return List.of(row);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row);
        rows.addAll(EstimateRows.of(estimated));
        return rows;
    }

    @Override
    public String replaceKey(QualityReport report) {
        return report.getModelName() + '\n' + report.getModelVersion() + '\n' + report.getWindowStart().toEpochMilli();
    }
}
