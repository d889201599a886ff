package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report as a person reads it in a terminal: the dataset verdict first, then one row per column and
 * test with the drifted columns on top, ranked by how far past their threshold they are, each column's
 * informational tests on rows of their own under its deciding ones (the test marked "(informs)", the verdict
 * as what it "would say"), then the schema findings.
 */
public final class TableReport {
    private static final String[] HEADER = {"column", "type", "test", "statistic", "p-value", "method", "drift when", "verdict"};

    private TableReport() {
    }

    public static String render(DriftComparison report, DatasetJudgement judgement, String referenceName, String currentName) {
        return render(report, judgement, referenceName, currentName, Set.of());
    }

    /** The table, with a line naming the columns left out as the files were read, when there were any. */
    public static String render(DriftComparison report, DatasetJudgement judgement, String referenceName, String currentName,
                                Set<String> excludedColumns) {
        return render(report, judgement, referenceName, currentName, excludedColumns, Map.of());
    }

    /** Also a line per column compared by sketches because its values would not fit in memory, saying why. */
    public static String render(DriftComparison report, DatasetJudgement judgement, String referenceName, String currentName,
                                Set<String> excludedColumns, Map<String, String> sketchedColumns) {
        StringBuilder out = new StringBuilder();
        DatasetHeadline headline = DatasetHeadline.of(report, judgement);
        out.append(headline.verdict()).append(": ").append(headline.counts());
        if (headline.reasons().isEmpty()) {
            out.append('\n');
        } else {
            out.append(", but the data cannot be judged fairly:\n");
            headline.reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
        }
        if (headline.inconclusiveColumns() > 0) {
            out.append(headline.inconclusiveColumns()).append(" column(s) inconclusive: the sketch's error bound straddles the threshold\n");
        }
        out.append("reference: ").append(referenceName).append("   current: ").append(currentName).append('\n');
        if (!excludedColumns.isEmpty()) {
            out.append("excluded (not features, not read): ").append(String.join(", ", excludedColumns)).append('\n');
        }
        sketchedColumns.forEach((column, reason) -> out.append("compared by sketch: ").append(column).append(": ")
                .append(reason).append('\n'));
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        boolean informs = false;
        for (ColumnReport column : report.columnsBySeverity()) {
            String type = column.type().label() + (column.comparedAsCategories() ? " (as categories)" : "");
            if (column.tests().isEmpty()) {
                rows.add(new String[]{column.column(), type, "-", "-", "-", "-", "-",
                        String.join("; ", column.notApplicable().values())});
            }
            for (TestVerdict verdict : column.tests().values()) {
                rows.add(row(column.column(), type, verdict));
            }
            for (TestVerdict verdict : column.informational().values()) {
                rows.add(informationalRow(verdict));
                informs = true;
            }
        }
        appendAligned(out, rows);
        if (informs) {
            out.append("(informs): shown beside the deciding test; it changes no verdict and not the exit code.\n");
        }
        if (!report.schemaFindings().isEmpty()) {
            out.append("\nSchema findings:\n");
            for (SchemaFinding finding : report.schemaFindings()) {
                out.append(String.format(Locale.ROOT, "  %-7s %-18s %s: %s%n", finding.severity().label(),
                        finding.kind().label(), finding.column(), finding.detail()));
            }
        }
        return out.toString();
    }

    /** A row that leaves the column and type blank, so it reads as a line under the column's deciding rows. */
    private static String[] informationalRow(TestVerdict verdict) {
        String[] row = row("", "", verdict);
        row[2] = verdict.test() + " (informs)";
        row[row.length - 1] = "would say " + row[row.length - 1];
        return row;
    }

    private static String[] row(String column, String type, TestVerdict verdict) {
        TestCells cells = TestCells.of(verdict);
        return new String[]{column, type, cells.test(), cells.statistic(), cells.pValue(), cells.method(), cells.driftWhen(),
                cells.verdict()};
    }

    /** {@code rows} (the first a header) in columns two spaces apart, the last column unpadded. */
    public static void appendAligned(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
