package io.driftwatch.cli.reports;

import java.io.PrintWriter;
import java.util.List;

/**
 * Columns padded to the widest cell printed so far, two spaces apart, the last one not padded (as {@code check}'s
 * table). Widths only grow, so a table printed batch by batch ({@code --follow}) stays aligned as far as it can.
 * Every cell is made terminal-safe first: a control character (an ANSI escape, a newline) becomes {@code \xNN}.
 */
final class AlignedTable {
    private final List<String> header;
    private final int[] widths;
    private boolean headerPrinted;

    AlignedTable(List<String> header) {
        this.header = List.copyOf(header);
        this.widths = new int[header.size()];
        widen(header);
    }

    /** Prints {@code rows}, under the header the first time. */
    void print(List<List<String>> rows, PrintWriter out) {
        List<List<String>> safeRows = rows.stream().map(row -> row.stream().map(AlignedTable::safe).toList()).toList();
        safeRows.forEach(this::widen);
        if (!headerPrinted) {
            line(header, out);
            headerPrinted = true;
        }
        safeRows.forEach(row -> line(row, out));
    }

    private void widen(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
    }

    private void line(List<String> row, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            line.append(cell);
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    static String safe(String cell) {
        StringBuilder text = new StringBuilder(cell.length());
        cell.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                text.append("\\x").append(Character.forDigit(codePoint >> 4, 16)).append(Character.forDigit(codePoint & 0xF, 16));
            } else {
                text.appendCodePoint(codePoint);
            }
        });
        return text.toString();
    }
}
