package io.driftwatch.cli.tabular;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * How a data file is stored and which reader it needs, told by its name and, where the name says nothing, by its first
 * bytes: a gzip file ({@code .gz}, or bytes {@code 1f 8b}) is decompressed as it is read, so {@code train.csv.gz} reads
 * exactly as {@code train.csv}; a name ending {@code .parquet} or bytes {@code PAR1} is Parquet; {@code .jsonl},
 * {@code .ndjson} and {@code .json} (before any {@code .gz}) are JSON Lines; anything else is CSV.
 */
record InputFile(Path path, Kind kind, boolean gzipped) {
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
    private static final int GZIP_BUFFER_BYTES = 1 << 16;

    /** The reader a file needs. */
    enum Kind { CSV, JSON_LINES, PARQUET }

    /** Tells how {@code path} is stored from its name, and from its first four bytes where the name says nothing. */
    static InputFile of(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzipNamed = name.endsWith(".gz");
        String inner = gzipNamed ? name.substring(0, name.length() - ".gz".length()) : name;
        if (inner.endsWith(".parquet")) {
            return new InputFile(path, Kind.PARQUET, false);
        }
        Kind named = inner.endsWith(".jsonl") || inner.endsWith(".ndjson") || inner.endsWith(".json") ? Kind.JSON_LINES
                : inner.endsWith(".csv") ? Kind.CSV : null;
        byte[] head = head(path);
        boolean gzipped = gzipNamed || startsWith(head, GZIP_MAGIC);
        if (named != null) {
            return new InputFile(path, named, gzipped);
        }
        return new InputFile(path, !gzipped && startsWith(head, PARQUET_MAGIC) ? Kind.PARQUET : Kind.CSV, gzipped);
    }

    /** The file's bytes, decompressed when it is gzipped; a damaged gzip stream fails as {@link DamagedGzipException}. */
    InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(path);
        if (!gzipped) {
            return raw;
        }
        try {
            return new GzipInput(path, new GZIPInputStream(new BufferedInputStream(raw, GZIP_BUFFER_BYTES), GZIP_BUFFER_BYTES));
        } catch (IOException e) {
            raw.close();
            throw new DamagedGzipException(path, e);
        }
    }

    private static byte[] head(Path path) throws IOException {
        try (InputStream input = Files.newInputStream(path)) {
            return input.readNBytes(PARQUET_MAGIC.length);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** A gzip file that ends early or whose bytes do not decompress: cut short in a copy, or not gzip at all. */
    static final class DamagedGzipException extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedGzipException(Path path, IOException cause) {
            super(path + " is not a complete gzip file (" + cause.getMessage() + "); copy or compress it again", cause);
        }
    }

    /** Turns the decompressor's failures into {@link DamagedGzipException}, which names the file. */
    private static final class GzipInput extends FilterInputStream {
        private final Path path;

        GzipInput(Path path, InputStream gzip) {
            super(gzip);
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw new DamagedGzipException(path, e);
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return super.read(bytes, offset, length);
            } catch (EOFException | ZipException e) {
                throw new DamagedGzipException(path, e);
            }
        }
    }
}
