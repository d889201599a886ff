package io.driftwatch.cli.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The most data rows a CSV file can hold, from its line breaks: one line per row after the header, fewer when a
 * quoted field spans lines or a line is blank. {@code check} sizes each numeric column's array by it, so a column with
 * a value in every row is read straight into the array its sample keeps: no block to copy and drop per column, which
 * is what made the heap hold the columns twice (RSS) while a file was finished. Counting is one read of the bytes, a
 * small share of parsing them, eight bytes at a time.
 */
final class RowBound {
    private static final int BUFFER_BYTES = 1 << 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LINE_BREAKS = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;

    private RowBound() {
    }

    /** How many of the 8 bytes of {@code word} are line breaks: the exact zero-byte test on word XOR breaks (no carry). */
    private static int lineBreaksIn(long word) {
        long x = word ^ LINE_BREAKS;
        long zeroBytes = ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
        return Long.bitCount(zeroBytes);
    }

    /** At most how many data rows {@code input} holds after its header line; 0 for none. */
    static long of(InputStream input) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long lineBreaks = 0;
        byte last = '\n';
        int read;
        while ((read = input.readNBytes(buffer, 0, buffer.length)) > 0) {
            int i = 0;
            for (; i + Long.BYTES <= read; i += Long.BYTES) {
                lineBreaks += lineBreaksIn((long) LONGS.get(buffer, i));
            }
            for (; i < read; i++) {
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
