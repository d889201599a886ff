package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * A chunk as one row of a table, the same in the text and the HTML report: what an on-call person scans for, which
 * chunk, where in the file and in time, its verdict and which columns drifted by which test.
 */
record ChunkCells(String chunk, String lines, String time, String rows, String verdict, String driftedColumns) {
    static final String[] HEADER = {"chunk", "dataset", "time", "rows", "lines", "drifted columns"};
    /** Where the dataset verdict stands in {@link #HEADER} and {@link #cells()}: second, so a phone shows it. */
    static final int VERDICT = 1;

    static ChunkCells of(ChunkResult chunk) {
        String time = chunk.span().start() == null ? "-" : chunk.span().start() + " .. " + chunk.span().end();
        List<String> drifted = new ArrayList<>();
        for (ColumnReport column : chunk.report().columnsBySeverity()) {
            for (TestVerdict verdict : column.tests().values()) {
                if (verdict.verdict() == Verdict.DRIFT) {
                    TestCells cells = TestCells.of(verdict);
                    drifted.add(column.column() + " (" + cells.test() + " " + cells.statistic() + ", " + cells.driftWhen() + ")");
                    break;
                }
            }
        }
        return new ChunkCells(Integer.toString(chunk.index()), chunk.firstLine() + "-" + chunk.lastLine(), time,
                Long.toString(chunk.rows()), chunk.judgement().outcome().label().replace('_', ' '),
                drifted.isEmpty() ? "-" : String.join(", ", drifted));
    }

    String[] cells() {
        return new String[]{chunk, verdict, time, rows, lines, driftedColumns};
    }
}
