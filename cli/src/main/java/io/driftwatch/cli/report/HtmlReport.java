package io.driftwatch.cli.report;

import io.driftwatch.alerts.mail.DistributionChart;
import io.driftwatch.alerts.mail.Html;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Verdict;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report as a page a person opens in a browser or on a phone, in one self-contained file: no script, no network,
 * no external style or font; the charts are the alert email's PNGs, inline as data URLs. The dataset verdict first,
 * then the schema findings, then a card per column, drifted first (as the table ranks them), each with its tests and
 * a chart of reference against current, unseen categories named under it. Every name from the data is escaped.
 */
public final class HtmlReport {
    private static final String STYLE = """
            :root{color-scheme:light;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--drift:#b91c1c;--ok:#15803d;--warn:#b45309}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f9fafb}
            main{max-width:960px;margin:0 auto;padding:16px}
            h1{font-size:1.35em;margin:0 0 4px}
            .sub{color:var(--muted);margin:0 0 16px;overflow-wrap:anywhere}
            .headline{border-radius:8px;padding:12px 16px;margin-bottom:16px;background:#fff;border:1px solid var(--line)}
            .headline strong{font-size:1.15em}
            .drift{color:var(--drift)}.ok{color:var(--ok)}.warn{color:var(--warn)}
            section{margin-bottom:20px}
            h2{font-size:1.1em;margin:0 0 8px}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin-bottom:12px}
            .card h3{font-size:1.05em;margin:0 0 6px;overflow-wrap:anywhere}
            .badge{display:inline-block;font-size:.75em;font-weight:600;padding:1px 8px;border-radius:999px;margin-left:6px;vertical-align:2px;border:1px solid currentColor}
            .meta{color:var(--muted);font-size:.9em;margin:0 0 8px}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:.9em}
            th,td{text-align:left;padding:4px 8px 4px 0;border-bottom:1px solid var(--line);white-space:nowrap}
            td.wrap{white-space:normal;overflow-wrap:anywhere}
            tr.informs td{color:var(--muted)}
            img{display:block;max-width:100%;height:auto;margin-top:10px}
            ul{margin:4px 0 0;padding-left:20px}
            li{overflow-wrap:anywhere}
            footer{color:var(--muted);font-size:.85em;margin-top:24px}
            @media (max-width:520px){main{padding:10px}th,td{padding-right:6px}}
            """;

    private HtmlReport() {
    }

    /**
     * @param title      what was compared, for the page title and heading (e.g. "driftwatch check")
     * @param charts     the chart of each column; {@link ColumnCharts#none()} for a report without them
     */
    public static String render(String title, DriftComparison report, DatasetJudgement judgement, String referenceName,
                                String currentName, Set<String> excludedColumns, ColumnCharts charts) {
        return render(title, report, judgement, referenceName, currentName, excludedColumns, charts, Map.of());
    }

    /** Also a line per column compared by sketches because its values would not fit in memory, saying why. */
    public static String render(String title, DriftComparison report, DatasetJudgement judgement, String referenceName,
                                String currentName, Set<String> excludedColumns, ColumnCharts charts,
                                Map<String, String> sketchedColumns) {
        return render(title, report, judgement, referenceName, currentName, excludedColumns, charts, sketchedColumns, List.of());
    }

    /**
     * Also {@code notes} under the heading, one line each: what a reader should know about where the numbers came from
     * (a span reaching past the topic's retention, a chart that could not be drawn).
     */
    public static String render(String title, DriftComparison report, DatasetJudgement judgement, String referenceName,
                                String currentName, Set<String> excludedColumns, ColumnCharts charts,
                                Map<String, String> sketchedColumns, List<String> notes) {
        return render(title, report, judgement, referenceName, currentName, excludedColumns, charts, sketchedColumns, notes, "");
    }

    /**
     * Also {@code sectionsHtml}, whole {@code <section>}s written elsewhere (the chunks, the model's quality), right
     * after the headline: what decided the exit code comes before the details.
     */
    public static String render(String title, DriftComparison report, DatasetJudgement judgement, String referenceName,
                                String currentName, Set<String> excludedColumns, ColumnCharts charts,
                                Map<String, String> sketchedColumns, List<String> notes, String sectionsHtml) {
        return render(title, report, judgement, referenceName, currentName, excludedColumns, charts, sketchedColumns, notes,
                sectionsHtml, ColumnOrder.BY_SEVERITY);
    }

    /** Also the column cards in {@code order} under its heading, e.g. a feature ranking's. */
    public static String render(String title, DriftComparison report, DatasetJudgement judgement, String referenceName,
                                String currentName, Set<String> excludedColumns, ColumnCharts charts,
                                Map<String, String> sketchedColumns, List<String> notes, String sectionsHtml,
                                ColumnOrder order) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(": ").append(escape(currentName)).append(" against ")
                .append(escape(referenceName)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        page.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"sub\">reference <b>").append(escape(referenceName))
                .append("</b> &middot; current <b>").append(escape(currentName)).append("</b></p>\n");
        notes.forEach(note -> page.append("<p class=\"meta\">").append(escape(note)).append("</p>\n"));
        headline(page, DatasetHeadline.of(report, judgement), excludedColumns, sketchedColumns);
        page.append(sectionsHtml);
        findings(page, report.schemaFindings());
        page.append("<section>\n<h2>").append(escape(order.heading())).append("</h2>\n");
        for (ColumnReport column : order.apply(report)) {
            column(page, column, charts.chartOf(column.column()));
        }
        page.append("</section>\n<footer>Written by driftwatch. Drift is decided by each column's tests; a test marked")
                .append(" <i>informs</i> changes no verdict. A chart's histogram comes from sketches (rank error about 0.5%):")
                .append(" it is for the eye, never for a verdict.</footer>\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void headline(StringBuilder page, DatasetHeadline headline, Set<String> excludedColumns,
                                 Map<String, String> sketchedColumns) {
        String tone = headline.verdict().startsWith("DATASET") ? "drift" : headline.reasons().isEmpty() ? "ok" : "warn";
        page.append("<div class=\"headline\"><strong class=\"").append(tone).append("\">").append(escape(headline.verdict()))
                .append("</strong><br>").append(escape(headline.counts()));
        if (!headline.reasons().isEmpty()) {
            page.append("<br>The data cannot be judged fairly:<ul>");
            headline.reasons().forEach(reason -> page.append("<li>").append(escape(reason)).append("</li>"));
            page.append("</ul>");
        }
        if (headline.inconclusiveColumns() > 0) {
            page.append("<br>").append(headline.inconclusiveColumns())
                    .append(" column(s) inconclusive: the sketch's error bound straddles the threshold");
        }
        if (!excludedColumns.isEmpty()) {
            page.append("<br><span class=\"meta\">excluded (not features, not read): ")
                    .append(escape(String.join(", ", excludedColumns))).append("</span>");
        }
        sketchedColumns.forEach((column, reason) -> page.append("<br><span class=\"meta\">compared by sketch: ")
                .append(escape(column + ": " + reason)).append("</span>"));
        page.append("</div>\n");
    }

    private static void findings(StringBuilder page, List<SchemaFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        page.append("<section>\n<h2>Schema findings</h2>\n<div class=\"card scroll\"><table><tr><th>severity</th><th>finding</th>")
                .append("<th>column</th><th>detail</th></tr>\n");
        for (SchemaFinding finding : findings) {
            String tone = finding.severity() == SchemaFinding.Severity.ERROR ? "drift" : "warn";
            page.append("<tr><td class=\"").append(tone).append("\">").append(escape(finding.severity().label())).append("</td><td>")
                    .append(escape(finding.kind().label())).append("</td><td class=\"wrap\">").append(escape(finding.column()))
                    .append("</td><td class=\"wrap\">").append(escape(finding.detail())).append("</td></tr>\n");
        }
        page.append("</table></div>\n</section>\n");
    }

    private static void column(StringBuilder page, ColumnReport column, Optional<FeatureSummary> chart) {
        Verdict verdict = column.verdict();
        String tone = verdict == Verdict.DRIFT ? "drift" : verdict == Verdict.INCONCLUSIVE ? "warn" : "ok";
        String label = verdict == Verdict.DRIFT ? "DRIFT" : verdict.label().replace('_', ' ');
        page.append("<div class=\"card\" id=\"column-").append(escape(column.column())).append("\"><h3>")
                .append(escape(column.column())).append("<span class=\"badge ").append(tone).append("\">")
                .append(column.tests().isEmpty() ? "not tested" : label).append("</span></h3>\n");
        page.append("<p class=\"meta\">").append(escape(column.type().label() + (column.comparedAsCategories() ? " (as categories)" : "")))
                .append(" &middot; ").append(column.referenceCount()).append(" reference values (").append(column.referenceMissing())
                .append(" missing) &middot; ").append(column.currentCount()).append(" current (").append(column.currentMissing())
                .append(" missing)</p>\n");
        if (column.tests().isEmpty()) {
            page.append("<p class=\"meta\">").append(escape(String.join("; ", column.notApplicable().values()))).append("</p>\n");
        } else {
            page.append("<div class=\"scroll\"><table><tr><th>test</th><th>verdict</th><th>statistic</th><th>p-value</th>")
                    .append("<th>drift when</th><th>method</th></tr>\n");
            for (TestVerdict test : column.tests().values()) {
                testRow(page, TestCells.of(test), false);
            }
            for (TestVerdict test : column.informational().values()) {
                testRow(page, TestCells.of(test), true);
            }
            page.append("</table></div>\n");
        }
        // The legend names the sides briefly: their full names (paths, spans) head the page and would be cut in the chart.
        chart.flatMap(summary -> DistributionChart.png(summary, "reference", "current")).ifPresent(png -> page
                .append("<img width=\"").append(DistributionChart.WIDTH).append("\" height=\"").append(DistributionChart.HEIGHT)
                .append("\" alt=\"").append(escape("distribution of " + column.column() + ": reference against current"))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">\n"));
        if (!column.unseenCategories().isEmpty()) {
            page.append("<p class=\"meta warn\">unseen in the reference: ")
                    .append(escape(String.join(", ", column.unseenCategories()))).append("</p>\n");
        }
        page.append("</div>\n");
    }

    private static void testRow(StringBuilder page, TestCells cells, boolean informs) {
        String tone = cells.verdict().equals("DRIFT") ? "drift" : cells.verdict().equals("inconclusive") ? "warn" : "";
        page.append(informs ? "<tr class=\"informs\">" : "<tr>").append("<td>").append(escape(cells.test()))
                .append(informs ? " (informs)" : "").append("</td><td class=\"").append(tone).append("\">")
                .append(escape(informs ? "would say " + cells.verdict() : cells.verdict())).append("</td><td>")
                .append(escape(cells.statistic())).append("</td><td>").append(escape(cells.pValue())).append("</td><td>")
                .append(escape(cells.driftWhen())).append("</td><td>").append(escape(cells.method())).append("</td></tr>\n");
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
