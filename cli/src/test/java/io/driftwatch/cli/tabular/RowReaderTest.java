package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowReaderTest {
    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static List<Row> rows(Path file) throws BadInputException {
        return rows(file, Map.of());
    }

    private static List<Row> rows(Path file, Map<String, ColumnType> columnTypes) throws BadInputException {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(file, columnTypes)) {
            for (Optional<Row> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    @Test
    void typesCsvFieldsAsNumbersBooleansMissingOrText() throws Exception {
        List<Row> rows = rows(file("a.csv", "id,x,flag,name\n007, 1.5 ,TRUE,\"a, b\"\n8,,false,NaN\n"));

        assertThat(rows).hasSize(2);
        Row first = rows.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.value("id")).isEqualTo(new RowValue.Numeric(7, "007"));
        assertThat(first.value("x")).isEqualTo(new RowValue.Numeric(1.5, "1.5"));
        assertThat(first.value("flag")).isEqualTo(new RowValue.Bool(true));
        assertThat(first.value("name")).isEqualTo(new RowValue.Text("a, b"));
        assertThat(rows.get(1).value("x")).isEqualTo(RowValue.Missing.VALUE);
        assertThat(rows.get(1).value("name")).isEqualTo(new RowValue.Text("NaN"));
        assertThat(rows.get(1).value("not-a-column")).isEqualTo(RowValue.Missing.VALUE);
    }

    @Test
    void aTypedCsvColumnReadsAsCheckReadsItNanAndNaMissingWhenNumericNaALabelWhenCategorical() throws Exception {
        Path csv = file("t.csv", "score,country,id\n1.5,NA,NaN\nNaN,DE,7\n NA ,  ,8\n1e999,,9\n");
        Map<String, ColumnType> types = Map.of("score", ColumnType.NUMERIC, "country", ColumnType.CATEGORICAL);

        List<Row> rows = rows(csv, types);

        assertThat(rows).extracting(row -> row.value("score")).containsExactly(new RowValue.Numeric(1.5, "1.5"),
                RowValue.Missing.VALUE, RowValue.Missing.VALUE, RowValue.Missing.VALUE);
        assertThat(rows).extracting(row -> row.value("country")).containsExactly(new RowValue.Text("NA"),
                new RowValue.Text("DE"), new RowValue.Text("  "), RowValue.Missing.VALUE);
        assertThat(rows.get(0).value("id")).as("a column without a type is read as written").isEqualTo(new RowValue.Text("NaN"));
    }

    @Test
    void aTypedJsonLinesFieldReadsAsCheckReadsItTheStringNanMissingWhenNumeric() throws Exception {
        Path jsonl = file("t.jsonl", """
                {"score": 1.5, "country": "NA", "id": "NaN"}
                {"score": "NaN", "country": "", "id": "n"}
                {"score": 1e999, "country": 3, "id": "m"}
                """);
        Map<String, ColumnType> types = Map.of("score", ColumnType.NUMERIC, "country", ColumnType.CATEGORICAL);

        List<Row> rows = rows(jsonl, types);

        assertThat(rows).extracting(row -> row.value("score")).containsExactly(new RowValue.Numeric(1.5, "1.5"),
                RowValue.Missing.VALUE, RowValue.Missing.VALUE);
        assertThat(rows).extracting(row -> row.value("country")).containsExactly(new RowValue.Text("NA"),
                RowValue.Missing.VALUE, new RowValue.Numeric(3, "3"));
        assertThat(rows.get(0).value("id")).isEqualTo(new RowValue.Text("NaN"));
    }

    @Test
    void csvColumnsAreTheHeaderInOrder() throws Exception {
        try (RowReader reader = RowReader.open(file("h.csv", "\uFEFFb,a,c\n1,2,3\n"))) {
            assertThat(reader.columns()).containsExactly("b", "a", "c");
        }
    }

    @Test
    void keepsJsonTypesAndFlattensNestedObjects() throws Exception {
        List<Row> rows = rows(file("a.jsonl", """
                {"id": 12, "f": {"age": 3, "city": "Oslo"}, "ok": true, "code": "42", "gone": null}

                {"id": 13, "late": 1e3}
                """));

        Row first = rows.get(0);
        assertThat(first.values().keySet()).containsExactly("id", "f.age", "f.city", "ok", "code", "gone");
        assertThat(first.value("id").text()).isEqualTo("12");
        assertThat(first.value("f.age")).isEqualTo(new RowValue.Numeric(3, "3"));
        assertThat(first.value("code")).isEqualTo(new RowValue.Text("42"));
        assertThat(first.value("ok")).isEqualTo(new RowValue.Bool(true));
        assertThat(first.value("gone")).isEqualTo(RowValue.Missing.VALUE);
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).value("late")).isEqualTo(new RowValue.Numeric(1000, "1e3"));
    }

    @Test
    void jsonLinesColumnsAreTheFirstObjectsKeys() throws Exception {
        try (RowReader reader = RowReader.open(file("k.ndjson", "{\"a\": 1, \"b\": {\"c\": 2}}\n{\"z\": 1}\n"))) {
            assertThat(reader.columns()).containsExactly("a", "b.c");
            assertThat(reader.next().orElseThrow().value("a").text()).isEqualTo("1");
        }
    }

    @Test
    void aCsvRowWithTooManyFieldsNamesItsLine() throws IOException {
        Path csv = file("bad.csv", "a,b\n1,2\n1,2,3\n");

        assertThatThrownBy(() -> rows(csv)).isInstanceOf(BadInputException.class)
                .hasMessage(csv + " line 3 has 3 fields but the header has 2; quote fields that contain commas");
    }

    @Test
    void aJsonArrayValueNamesItsLineAndField() throws IOException {
        Path jsonl = file("arr.jsonl", "{\"a\": 1}\n{\"a\": [1, 2]}\n");

        assertThatThrownBy(() -> rows(jsonl)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(jsonl + " line 2: field 'a' is an array");
    }

    @Test
    void aKeyGivenTwiceIsInvalidJson() throws IOException {
        Path jsonl = file("dup.jsonl", "{\"a\": 1, \"a\": 2}\n");

        assertThatThrownBy(() -> rows(jsonl)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(jsonl + " line 1, column").hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void anEmptyCsvFileIsBadInput() throws IOException {
        Path empty = file("empty.csv", "");

        assertThatThrownBy(() -> RowReader.open(empty)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is empty; a CSV file needs a header line");
    }
}
