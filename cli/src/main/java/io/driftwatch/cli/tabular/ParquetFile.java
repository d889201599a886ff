package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * A Parquet file opened in an embedded, in-memory DuckDB (its JDBC driver), which decodes Parquet's encodings and
 * compressions so driftwatch need not. DuckDB's own native memory is bounded ({@value #MEMORY_LIMIT}, {@value #THREADS}
 * threads) and its results are streamed in chunks rather than materialised, so a file of any length is read in
 * bounded memory. Times with a zone are read in UTC. Every DuckDB failure becomes one {@link BadInputException}
 * naming the file and DuckDB's reason. Not thread-safe; close it to free the connection.
 */
final class ParquetFile implements AutoCloseable {
    static final String MEMORY_LIMIT = "256MB";
    static final int THREADS = 1;
    private static final int FETCH_ROWS = 2048;

    private final Path path;
    private final Connection connection;
    private final List<ParquetColumn> columns;

    private ParquetFile(Path path, Connection connection, List<ParquetColumn> columns) {
        this.path = path;
        this.connection = connection;
        this.columns = columns;
    }

    /** Opens {@code path} and reads its schema (the columns' names and types, in the file's order). */
    static ParquetFile open(Path path) throws BadInputException {
        requireNonNull(path, "path");
        Connection connection = null;
        try {
            Properties properties = new Properties();
            properties.setProperty("jdbc_stream_results", "true");
            connection = DriverManager.getConnection("jdbc:duckdb:", properties);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET memory_limit='" + MEMORY_LIMIT + "'");
                settings.execute("SET threads=" + THREADS);
                settings.execute("SET autoinstall_known_extensions=false");
                // a TIMESTAMP WITH TIME ZONE reads as text in UTC, not in the zone of the machine that runs the check
                settings.execute("SET TimeZone='UTC'");
            }
            List<ParquetColumn> columns = new ArrayList<>();
            try (Statement describe = connection.createStatement();
                 ResultSet schema = describe.executeQuery("DESCRIBE SELECT * FROM " + source(path))) {
                while (schema.next()) {
                    columns.add(new ParquetColumn(schema.getString("column_name"), schema.getString("column_type")));
                }
            }
            return new ParquetFile(path, connection, List.copyOf(columns));
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw unreadable(path, e);
        }
    }

    List<ParquetColumn> columns() {
        return columns;
    }

    /**
     * Streams the rows of the file with one expression per selected column (see {@link ParquetColumn}); the caller
     * closes the result set, and this file closes it too.
     */
    ResultSet rows(List<String> expressions) throws BadInputException {
        String select = expressions.isEmpty() ? "SELECT 1" : "SELECT " + String.join(", ", expressions);
        try {
            Statement statement = connection.createStatement();
            statement.setFetchSize(FETCH_ROWS);
            statement.closeOnCompletion();
            return statement.executeQuery(select + " FROM " + source(path));
        } catch (SQLException e) {
            throw unreadable(path, e);
        }
    }

    /** The user-facing failure for a DuckDB error while reading this file's rows. */
    BadInputException unreadable(SQLException e) {
        return unreadable(path, e);
    }

    private static BadInputException unreadable(Path path, SQLException e) {
        String reason = String.valueOf(e.getMessage()).strip();
        int lineBreak = reason.indexOf('\n');
        return new BadInputException(path + " cannot be read as Parquet: "
                + (lineBreak < 0 ? reason : reason.substring(0, lineBreak)) + "; check that it is a complete Parquet file", e);
    }

    /**
     * The table function reading exactly {@code path}. DuckDB reads a path as a glob pattern, so {@code g[1].parquet}
     * would read {@code g1.parquet}: {@code *}, {@code ?} and {@code [} are each put in a bracket class of their own.
     */
    private static String source(Path path) {
        StringBuilder literal = new StringBuilder();
        for (char c : path.toAbsolutePath().toString().toCharArray()) {
            switch (c) {
                case '*', '?', '[' -> literal.append('[').append(c).append(']');
                case '\'' -> literal.append("''");
                default -> literal.append(c);
            }
        }
        return "read_parquet('" + literal + "')";
    }

    private static void closeQuietly(@Nullable Connection connection, SQLException failure) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() throws BadInputException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw unreadable(path, e);
        }
    }
}
