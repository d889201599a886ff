package io.driftwatch.cli.reports;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the records of one kind as they are read. JSON lines go out as they come, every record (a quality window's
 * updates included). Table rows are held until the end so the columns align and a later quality report of a window
 * replaces the earlier one in place; with {@code --follow} they go out after each batch the reader hands on.
 *
 * @param <V> the record type
 */
final class ReportPrinter<V> {
    private final ReportKind<V> kind;
    private final ReportFormat format;
    private final boolean follow;
    private final PrintWriter out;
    private final AlignedTable table;
    private final Map<Object, List<List<String>>> pendingRows = new LinkedHashMap<>();
    private long printed;

    ReportPrinter(ReportKind<V> kind, ReportFormat format, boolean follow, PrintWriter out) {
        this.kind = kind;
        this.format = format;
        this.follow = follow;
        this.out = out;
        this.table = new AlignedTable(kind.header());
    }

    void print(V record) {
        printed++;
        if (format == ReportFormat.JSON) {
            out.println(ReportJson.line(kind.json(record)));
            return;
        }
        String replaceKey = kind.replaceKey(record);
        Object key = replaceKey == null ? Long.valueOf(printed) : replaceKey;
        pendingRows.put(key, kind.rows(record));
    }

    /** The end of a batch: with {@code --follow}, what is held goes out now. */
    void batchEnded() {
        if (follow) {
            flushRows();
        }
        out.flush();
    }

    /** The end of the read: prints what is held, or, for a table with nothing in it, says so. */
    void finish(String topic) {
        flushRows();
        if (format == ReportFormat.TABLE && printed == 0 && !follow) {
            out.println("no records on " + topic + " match");
        }
        out.flush();
    }

    private void flushRows() {
        if (!pendingRows.isEmpty()) {
            table.print(pendingRows.values().stream().flatMap(List::stream).toList(), out);
            pendingRows.clear();
        }
    }
}
