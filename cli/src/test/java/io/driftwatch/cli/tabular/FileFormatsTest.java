package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same data as CSV, gzipped CSV, gzipped JSON Lines and Parquet reads into the same columns and rows. */
class FileFormatsTest {
    private static final SameDataFiles DATA = new SameDataFiles(300, 0);

    @TempDir
    Path directory;

    /** A column as a user sees it in a report: its type, missing count, and its values or category counts. */
    private static Map<String, String> described(Table table) {
        Map<String, String> columns = new LinkedHashMap<>();
        table.columns().forEach((name, data) -> columns.put(name, data.type() + " missing=" + data.missingCount() + " "
                + (data instanceof ColumnData.Numeric numbers ? Arrays.toString(numbers.values().toArray())
                : ((ColumnData.Categorical) data).counts().counts().toString())));
        return columns;
    }

    @Test
    void csvGzippedCsvGzippedJsonLinesAndParquetGiveTheSameColumns() throws Exception {
        TableReader reader = new TableReader(Map.of());
        Table csv = reader.read(DATA.csv(directory.resolve("d.csv")));

        assertThat(described(reader.read(DATA.csvGz(directory.resolve("d.csv.gz"))))).isEqualTo(described(csv));
        assertThat(described(reader.read(DATA.jsonLinesGz(directory.resolve("d.jsonl.gz"))))).isEqualTo(described(csv));
        assertThat(described(reader.read(DATA.parquet(directory.resolve("d.parquet"))))).isEqualTo(described(csv));
        assertThat(csv.rows()).isEqualTo(300);
        assertThat(csv.columns().get("id").missingCount()).isEqualTo(28);
        assertThat(((ColumnData.Categorical) csv.columns().get("flag")).counts().counts())
                .containsOnlyKeys("true", "false");
        assertThat(csv.columns().get("seen").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void aParquetFileKeepsItsColumnOrderAndGivesBooleansAndTimestampsTheCsvTypes() throws Exception {
        Path parquet = DATA.parquet(directory.resolve("d.parquet"));

        assertThat(new TableReader(Map.of()).columnTypes(parquet)).containsExactly(
                Map.entry("id", ColumnType.NUMERIC), Map.entry("amount", ColumnType.NUMERIC),
                Map.entry("city", ColumnType.CATEGORICAL), Map.entry("flag", ColumnType.CATEGORICAL),
                Map.entry("seen", ColumnType.CATEGORICAL));
    }

    @Test
    void formatAndCompressionAreToldByContentWhereTheNameSaysNothing() throws Exception {
        Path gzippedCsv = Files.move(DATA.csvGz(directory.resolve("a.csv.gz")), directory.resolve("a.data"));
        Path parquet = Files.move(DATA.parquet(directory.resolve("b.parquet")), directory.resolve("b.data"));
        Table csv = new TableReader(Map.of()).read(DATA.csv(directory.resolve("d.csv")));

        assertThat(described(new TableReader(Map.of()).read(gzippedCsv))).isEqualTo(described(csv));
        assertThat(described(new TableReader(Map.of()).read(parquet))).isEqualTo(described(csv));
    }

    @Test
    void aParquetFileNamedLikeAGlobPatternReadsItselfNotTheFilesThePatternMatches() throws Exception {
        Path bracketed = new SameDataFiles(20, 0).parquet(directory.resolve("day[1]*?.parquet"));
        new SameDataFiles(300, 0).parquet(directory.resolve("day1xy.parquet"));

        assertThat(new TableReader(Map.of()).read(bracketed).rows()).isEqualTo(20);
    }

    @Test
    void aTimeWithAZoneReadsInUtcWhateverTheMachinesZone() throws Exception {
        Path parquet = directory.resolve("zoned.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT TIMESTAMPTZ '2026-12-01 05:00:00+01' AS seen) TO '" + parquet + "' (FORMAT parquet)");
        }

        assertThat(((ColumnData.Categorical) new TableReader(Map.of()).read(parquet).columns().get("seen")).counts().counts())
                .containsOnlyKeys("2026-12-01 04:00:00+00");
    }

    @Test
    void aParquetListColumnIsLeftOutOfTheColumnsAndRefusedRowByRow() throws Exception {
        Path parquet = directory.resolve("tags.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT i AS age, [i, i + 1] AS tags FROM range(5) t(i)) TO '" + parquet + "' (FORMAT parquet)");
        }

        Table table = new TableReader(Map.of()).read(parquet);

        assertThat(table.columns()).containsOnlyKeys("age");
        assertThat(table.notComparable()).containsOnlyKeys("tags");
        assertThatThrownBy(() -> RowReader.open(parquet)).isInstanceOf(BadInputException.class)
                .hasMessage(parquet + ": column 'tags' is a BIGINT[]; each column of a row must hold a single value");
    }

    @Test
    void parquetRowsGiveTheFeatureValuesOfTheCsvRows() throws Exception {
        Path csv = DATA.csv(directory.resolve("d.csv"));
        Path parquet = DATA.parquet(directory.resolve("d.parquet"));
        Map<String, ColumnType> types = new TableReader(Map.of()).columnTypes(csv);

        List<Map<String, Object>> csvRows = featureValues(csv, types);

        assertThat(featureValues(parquet, types)).isEqualTo(csvRows);
        assertThat(featureValues(DATA.jsonLinesGz(directory.resolve("d.jsonl.gz")), Map.of())).hasSize(300);
        assertThat(csvRows.get(1)).containsEntry("id", 1.0).containsEntry("flag", false)
                .containsEntry("seen", "2026-12-01 01:00:00");
        assertThat(csvRows.get(0)).containsEntry("id", null).containsEntry("flag", null);
    }

    private static List<Map<String, Object>> featureValues(Path file, Map<String, ColumnType> types) throws BadInputException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(file, types)) {
            assertThat(reader.columns()).containsExactly("id", "amount", "city", "flag", "seen");
            for (Optional<Row> row = reader.next(); row.isPresent(); row = reader.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                row.get().values().forEach((name, value) -> values.put(name, value.featureValue()));
                rows.add(values);
            }
        }
        return rows;
    }

    @Test
    void aTruncatedParquetFileIsBadInputNamingTheFileAndDuckDbsReasonOnOneLine() throws Exception {
        Path whole = DATA.parquet(directory.resolve("whole.parquet"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(directory.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> new TableReader(Map.of()).read(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated + " cannot be read as Parquet: ")
                .hasMessageEndingWith("; check that it is a complete Parquet file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> RowReader.open(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated + " cannot be read as Parquet: ");
    }

    @Test
    void aTextFileNamedParquetIsBadInputNamingTheFile() throws IOException {
        Path text = Files.writeString(directory.resolve("text.parquet"), "id,amount\n1,2\n");

        assertThatThrownBy(() -> new TableReader(Map.of()).read(text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(text + " cannot be read as Parquet: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTruncatedGzipFileIsBadInputNamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(DATA.csvGz(directory.resolve("whole.csv.gz")));
        Path truncated = Files.write(directory.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length - 20));

        assertThatThrownBy(() -> new TableReader(Map.of()).read(truncated)).isInstanceOf(BadInputException.class)
                .hasMessage(truncated + " is not a complete gzip file (Unexpected end of ZLIB input stream); "
                        + "copy or compress it again");
        assertThatThrownBy(() -> drain(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated + " is not a complete gzip file");
    }

    @Test
    void aBadValueInAGzippedFileNamesTheFileLineAndColumn() throws IOException {
        Path gzipped = new SameDataFiles(3, 0).csvGz(directory.resolve("bad.csv.gz"));

        assertThatThrownBy(() -> new TableReader(Map.of("city", ColumnType.NUMERIC)).read(gzipped))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(gzipped + " line 3, column 'city': 'rome' is not a number");
    }

    private static long drain(Path file) throws BadInputException {
        long rows = 0;
        try (RowReader reader = RowReader.open(file)) {
            while (reader.next().isPresent()) {
                rows++;
            }
        }
        return rows;
    }
}
