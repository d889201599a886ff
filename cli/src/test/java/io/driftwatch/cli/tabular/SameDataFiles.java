package io.driftwatch.cli.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One small data set (an int, a double, a string, a boolean and a timestamp column, with NULLs) written as CSV, gzipped
 * CSV, gzipped JSON Lines and Parquet, the Parquet by DuckDB itself, so a test can read each and compare. {@code shift}
 * moves the numbers and the share of {@code true}, to give a current file that drifts from a reference one.
 */
public final class SameDataFiles {
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 0, 0);
    private static final String[] CITIES = {"oslo", "rome", "lima", "true"};

    private final List<Object[]> rows = new ArrayList<>();

    public SameDataFiles(int rowCount, double shift) {
        for (int i = 0; i < rowCount; i++) {
            rows.add(new Object[] {
                    i % 11 == 0 ? null : (int) (i + shift * 100),
                    i % 7 == 0 ? null : (i % 13) * 0.37 + shift + 1e-5 * i,
                    i % 9 == 0 ? null : shift > 0 && i % 2 == 0 ? CITIES[0] : CITIES[i % CITIES.length],
                    i % 5 == 0 ? null : (i % 3 == 0 || (shift > 0 && i % 2 == 0)),
                    i % 6 == 0 ? null : START.plusHours(i + (long) (shift * 1000))});
        }
    }

    public Path csv(Path file) throws IOException {
        return Files.writeString(file, csvText());
    }

    public Path csvGz(Path file) throws IOException {
        return gzip(file, csvText());
    }

    public Path jsonLinesGz(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Object[] row : rows) {
            text.append("{\"id\":").append(row[0]).append(",\"amount\":").append(row[1])
                    .append(",\"city\":").append(row[2] == null ? "null" : "\"" + row[2] + "\"")
                    .append(",\"flag\":").append(row[3])
                    .append(",\"seen\":").append(row[4] == null ? "null" : "\"" + timestamp(row[4]) + "\"").append("}\n");
        }
        return gzip(file, text.toString());
    }

    public Path parquet(Path file) throws SQLException {
        StringBuilder values = new StringBuilder();
        for (Object[] row : rows) {
            values.append(values.length() == 0 ? "(" : ", (")
                    .append(row[0] == null ? "NULL" : row[0] + "::INTEGER").append(", ")
                    .append(row[1] == null ? "NULL" : row[1] + "::DOUBLE").append(", ")
                    .append(row[2] == null ? "NULL" : "'" + row[2] + "'").append(", ")
                    .append(row[3] == null ? "NULL" : row[3] + "::BOOLEAN").append(", ")
                    .append(row[4] == null ? "NULL" : "TIMESTAMP '" + timestamp(row[4]) + "'").append(")");
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + values + ") AS t(id, amount, city, flag, seen)) TO '"
                    + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return file;
    }

    /**
     * Writes {@code csv}'s rows to {@code parquet} through DuckDB, every field read as text and then typed by {@code select}
     * (for example {@code "name, CAST(age AS INTEGER) AS age"}), as a team converting its CSV exports would.
     */
    public static Path parquetFromCsv(Path csv, String select, Path parquet) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT " + select + " FROM read_csv('" + csv.toAbsolutePath()
                    + "', header = true, all_varchar = true)) TO '" + parquet.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return parquet;
    }

    private String csvText() {
        StringBuilder text = new StringBuilder("id,amount,city,flag,seen\n");
        for (Object[] row : rows) {
            text.append(field(row[0])).append(',').append(field(row[1])).append(',').append(field(row[2])).append(',')
                    .append(field(row[3])).append(',').append(row[4] == null ? "" : timestamp(row[4])).append('\n');
        }
        return text.toString();
    }

    private static String field(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String timestamp(Object value) {
        return ((LocalDateTime) value).toString().replace('T', ' ') + (((LocalDateTime) value).getSecond() == 0 ? ":00" : "");
    }

    private static Path gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

}
