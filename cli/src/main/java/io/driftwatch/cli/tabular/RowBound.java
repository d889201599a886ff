package io.driftwatch.cli.tabular;

import java.io.IOException;
import java.io.InputStream;

/**
 * The most data rows a CSV file can hold, from its line breaks: one line per row after the header, fewer when a
 * quoted field spans lines or a line is blank. {@code check} sizes each numeric column's array by it, so a column with
 * a value in every row is read straight into the array its sample keeps: no block to copy and drop per column, which
 * is what made the heap hold the columns twice (RSS) while a file was finished. Counting is one read of the bytes, a
 * small share of parsing them.
 */
final class RowBound {
    private static final int BUFFER_BYTES = 1 << 16;

    private RowBound() {
    }

    /** At most how many data rows {@code input} holds after its header line; 0 for none. */
    static long of(InputStream input) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long lineBreaks = 0;
        byte last = '\n';
        int read;
        while ((read = input.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lineBreaks++;
                }
            }
            last = buffer[read - 1];
        }
        long lines = last == '\n' ? lineBreaks : lineBreaks + 1;
        return Math.max(0, lines - 1);
    }
}
