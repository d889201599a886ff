package io.driftwatch.cli.tabular;

import io.driftwatch.cli.report.FileCheck;
import io.driftwatch.cli.report.JsonReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden set (the reference values SciPy, Evidently and NannyML computed) gives the same report read from its
 * CSV, from the CSV gzipped, and from Parquet that DuckDB wrote with the types it detects (numbers as DOUBLE or BIGINT,
 * words as VARCHAR), as a team converting its exports would: the golden values hold through every reader.
 */
class GoldenSetsThroughEveryReaderTest {
    @TempDir
    Path directory;

    static List<String> goldenSets() {
        return GoldenCases.all().stream().map(GoldenCase::name).toList();
    }

    private static String report(Path reference, Path current) throws Exception {
        FileCheck check = FileCheck.run(reference, current, Map.of(), ComparisonSettings.DEFAULT, DriftDefaults.MIN_CHECK_ROWS);
        return JsonReport.render(check.report(), check.judgement(), TestOptions.DEFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSets")
    void aGoldenSetGivesTheSameReportFromCsvGzippedCsvAndParquet(String name) throws Exception {
        GoldenCase golden = GoldenCases.load(name);
        Path reference = golden.folder().resolve("reference.csv");
        Path current = golden.folder().resolve("current.csv");
        String fromCsv = report(reference, current);

        assertThat(report(gzipped(reference, "reference"), gzipped(current, "current"))).isEqualTo(fromCsv);
        assertThat(report(parquet(reference, "reference"), parquet(current, "current"))).isEqualTo(fromCsv);
    }

    private Path gzipped(Path csv, String name) throws IOException {
        Path file = directory.resolve(name + ".csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(Files.readAllBytes(csv));
        }
        return file;
    }

    private Path parquet(Path csv, String name) throws SQLException {
        Path file = directory.resolve(name + ".parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true)) TO '"
                    + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return file;
    }
}
