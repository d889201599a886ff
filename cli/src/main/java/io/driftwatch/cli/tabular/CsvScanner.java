package io.driftwatch.cli.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a CSV byte stream (RFC 4180: comma-separated, double-quoted fields with doubled quotes inside,
 * LF or CRLF line ends) into records without decoding it to characters. After {@link #next()} returns
 * true, fields {@code 0 .. fieldCount()-1} of the record are readable as byte ranges. Blank lines are
 * skipped. Not thread-safe.
 */
final class CsvScanner {
    private static final int INITIAL_BUFFER_BYTES = 1 << 22;

    private final InputStream input;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;

    private int[] fieldStarts = new int[64];
    private int[] fieldEnds = new int[64];
    private boolean[] fieldEscaped = new boolean[64];
    private int fieldCount;
    private byte[] unescaped = new byte[256];
    private long nextLine = 1;
    private long recordLine;
    private int unescapedLength;

    CsvScanner(InputStream input) {
        this.input = input;
    }

    /**
     * Reads the next non-blank record.
     *
     * @throws UnterminatedQuoteException when the input ends inside a quoted field
     */
    boolean next() throws IOException {
        while (true) {
            if (position >= limit && !fill()) {
                return false;
            }
            int status = scanRecord();
            if (status == NEED_MORE) {
                if (!fill()) {
                    scanRecordAtEnd();
                    return fieldCount > 0;
                }
                continue;
            }
            if (fieldCount == 1 && fieldStarts[0] == fieldEnds[0] && !fieldEscaped[0]) {
                continue;
            }
            return true;
        }
    }

    int fieldCount() {
        return fieldCount;
    }

    /** Line number (1-based) where the current record starts. */
    long line() {
        return recordLine;
    }

    /** The bytes holding field {@code index}; quotes removed and doubled quotes undone. */
    byte[] bytes(int index) {
        return fieldEscaped[index] ? unescape(index) : buffer;
    }

    int start(int index) {
        return fieldEscaped[index] ? 0 : fieldStarts[index];
    }

    int end(int index) {
        return fieldEscaped[index] ? unescapedLength : fieldEnds[index];
    }


    private byte[] unescape(int index) {
        int length = 0;
        int from = fieldStarts[index];
        int to = fieldEnds[index];
        if (unescaped.length < to - from) {
            unescaped = new byte[to - from];
        }
        for (int i = from; i < to; i++) {
            unescaped[length++] = buffer[i];
            if (buffer[i] == '"') {
                i++;
            }
        }
        unescapedLength = length;
        return unescaped;
    }

    private static final int DONE = 0;
    private static final int NEED_MORE = 1;

    private int scanRecord() {
        fieldCount = 0;
        long lines = nextLine;
        int i = position;
        while (true) {
            if (i >= limit) {
                return NEED_MORE;
            }
            int start = i;
            boolean escaped = false;
            if (buffer[i] == '"') {
                i++;
                start = i;
                while (true) {
                    if (i >= limit) {
                        return NEED_MORE;
                    }
                    byte b = buffer[i];
                    if (b == '"') {
                        if (i + 1 >= limit) {
                            return NEED_MORE;
                        }
                        if (buffer[i + 1] == '"') {
                            escaped = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (b == '\n') {
                        lines++;
                    }
                    i++;
                }
                addField(start, i, escaped);
                i++;
            } else {
                while (i < limit && buffer[i] != ',' && buffer[i] != '\n' && buffer[i] != '\r') {
                    i++;
                }
                if (i >= limit) {
                    return NEED_MORE;
                }
                addField(start, i, false);
            }
            if (i >= limit) {
                return NEED_MORE;
            }
            byte separator = buffer[i];
            if (separator == ',') {
                i++;
                continue;
            }
            if (separator == '\r') {
                if (i + 1 >= limit) {
                    return NEED_MORE;
                }
                if (buffer[i + 1] == '\n') {
                    i++;
                }
            }
            recordLine = nextLine;
            nextLine = lines + 1;
            position = i + 1;
            return DONE;
        }
    }

    /** The last record of a file that does not end with a line break. */
    private void scanRecordAtEnd() throws UnterminatedQuoteException {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length, limit + 1));
        buffer[limit] = '\n';
        limit++;
        if (scanRecord() == NEED_MORE) {
            throw new UnterminatedQuoteException(nextLine);
        }
        if (fieldCount == 1 && fieldStarts[0] == fieldEnds[0]) {
            fieldCount = 0;
        }
    }

    private void addField(int start, int end, boolean escaped) {
        if (fieldCount == fieldStarts.length) {
            fieldStarts = Arrays.copyOf(fieldStarts, fieldCount * 2);
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
            fieldEscaped = Arrays.copyOf(fieldEscaped, fieldCount * 2);
        }
        fieldStarts[fieldCount] = start;
        fieldEnds[fieldCount] = end;
        fieldEscaped[fieldCount] = escaped;
        fieldCount++;
    }

    /** Moves the unread part to the front and reads more; grows the buffer for records longer than it. */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int remaining = limit - position;
        if (remaining == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, remaining);
        }
        position = 0;
        limit = remaining;
        int read = input.readNBytes(buffer, limit, buffer.length - limit);
        limit += read;
        if (read == 0) {
            endOfInput = true;
            return false;
        }
        return true;
    }

    /** The input ended inside a quoted field that starts on {@link #line()}. */
    static final class UnterminatedQuoteException extends IOException {
        private final long line;

        UnterminatedQuoteException(long line) {
            super("a quoted field starting on line " + line + " is never closed");
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
