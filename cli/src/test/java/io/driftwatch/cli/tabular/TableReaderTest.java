package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableReaderTest {
    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    @Test
    void infersNumericAndCategoricalColumnsAndCountsMissingValues() throws Exception {
        Table table = new TableReader(Map.of()).read(file("a.csv", "x,label,y\n1.5,a,\n2,\"b,c\",NaN\n,a,3\n"));
        ColumnData.Numeric x = (ColumnData.Numeric) table.columns().get("x");
        assertThat(x.values().toArray()).containsExactly(1.5, 2.0);
        assertThat(x.missingCount()).isEqualTo(1);
        ColumnData.Categorical label = (ColumnData.Categorical) table.columns().get("label");
        assertThat(label.counts().counts()).containsExactly(Map.entry("a", 2L), Map.entry("b,c", 1L));
        assertThat(table.columns().get("y").missingCount()).isEqualTo(2);
        assertThat(table.rows()).isEqualTo(3);
    }

    @Test
    void readsQuotedFieldsWithDoubledQuotesLineBreaksAndCrlf() throws Exception {
        Table table = new TableReader(Map.of()).read(file("q.csv", "name,v\r\n\"say \"\"hi\"\"\",1\r\n\"two\nlines\",2\r\n"));
        ColumnData.Categorical name = (ColumnData.Categorical) table.columns().get("name");
        assertThat(name.counts().counts().keySet()).containsExactly("say \"hi\"", "two\nlines");
        assertThat(((ColumnData.Numeric) table.columns().get("v")).values().toArray()).containsExactly(1.0, 2.0);
    }

    @Test
    void readsAFileWithoutAFinalLineBreak() throws Exception {
        Table table = new TableReader(Map.of()).read(file("n.csv", "v\n1\n2"));
        assertThat(((ColumnData.Numeric) table.columns().get("v")).values().toArray()).containsExactly(1.0, 2.0);
    }

    @Test
    void readsAColumnMixingNumbersAndLabelsAsCategoriesAndRemembersWhereItTurned() throws Exception {
        Table table = new TableReader(Map.of()).read(file("m.csv", "zip\n02134\n10001\nSW1A\n"));
        ColumnData.Categorical zip = (ColumnData.Categorical) table.columns().get("zip");
        assertThat(zip.counts().counts().keySet()).containsExactly("02134", "10001", "SW1A");
        assertThat(table.mixedColumns().get("zip").line()).isEqualTo(4);
    }

    @Test
    void readsALabelColumnInOnePassAsItsCategoricalReadingCountsIt() throws Exception {
        String rows = "NA,1\n,2\n1e999,3\n ,4\nc01,5\nNA,6\n7,7\n,8\nc01,9\nNaN,10\n";
        Path csv = file("labels.csv", "label,x\n" + rows);
        Table undeclared = new TableReader(Map.of()).read(csv);
        Table declared = new TableReader(Map.of("label", ColumnType.CATEGORICAL)).read(csv);
        ColumnData.Categorical label = (ColumnData.Categorical) undeclared.columns().get("label");
        ColumnData.Categorical asDeclared = (ColumnData.Categorical) declared.columns().get("label");
        assertThat(label.counts().counts()).isEqualTo(asDeclared.counts().counts())
                .containsEntry("NA", 2L).containsEntry("1e999", 1L).containsEntry(" ", 1L).containsEntry("c01", 2L)
                .containsEntry("7", 1L).containsEntry("NaN", 1L);
        assertThat(label.missingCount()).isEqualTo(asDeclared.missingCount()).isEqualTo(2);
        assertThat(undeclared.mixedColumns().get("label"))
                .isEqualTo(new Table.MixedColumn(1, 2, "c01", 6));
    }

    @Test
    void rejectsANonNumberInADeclaredNumericColumnNamingFileLineAndColumn() throws IOException {
        Path csv = file("bad.csv", "age,income\n30,1000\n31,12k\n");
        assertThatThrownBy(() -> new TableReader(Map.of("income", ColumnType.NUMERIC)).read(csv))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.csv line 3, column 'income': '12k' is not a number");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() throws IOException {
        Path csv = file("ragged.csv", "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> new TableReader(Map.of()).read(csv))
                .hasMessageContaining("ragged.csv line 3 has 1 fields but the header has 2");
    }

    @Test
    void rejectsAnEmptyFileAndAMissingFile() throws IOException {
        Path empty = file("empty.csv", "");
        assertThatThrownBy(() -> new TableReader(Map.of()).read(empty)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> new TableReader(Map.of()).read(directory.resolve("nope.csv")))
                .hasMessageContaining("nope.csv does not exist");
    }

    @Test
    void readsJsonLinesWithNestedObjectsAbsentKeysAndNulls() throws Exception {
        Table table = new TableReader(Map.of()).read(file("a.jsonl",
                "{\"f\": {\"age\": 30}, \"city\": \"Oslo\"}\n{\"f\": {\"age\": null}, \"city\": \"Rome\", \"ok\": true}\n{\"city\": \"Oslo\"}\n"));
        ColumnData.Numeric age = (ColumnData.Numeric) table.columns().get("f.age");
        assertThat(age.values().toArray()).containsExactly(30.0);
        assertThat(age.missingCount()).isEqualTo(2);
        assertThat(((ColumnData.Categorical) table.columns().get("city")).counts().count("Oslo")).isEqualTo(2);
        assertThat(table.columns().get("ok").missingCount()).isEqualTo(2);
    }

    @Test
    void aCsvNumberBeyondADoublesRangeIsMissingLikeInfAndLikeTheSameJsonNumber() throws Exception {
        Table csv = new TableReader(Map.of()).read(file("big.csv", "x\n1\n1e999\n-1e999\ninf\n2\n"));
        Table jsonl = new TableReader(Map.of()).read(file("big.jsonl", "{\"x\": 1}\n{\"x\": 1e999}\n{\"x\": 2}\n"));

        ColumnData.Numeric x = (ColumnData.Numeric) csv.columns().get("x");
        assertThat(x.values().toArray()).containsExactly(1.0, 2.0);
        assertThat(x.missingCount()).isEqualTo(3);
        assertThat(jsonl.columns().get("x").missingCount()).isEqualTo(1);
    }

    @Test
    void columnTypesAreTheTypesReadGivesWithoutKeepingTheValues() throws Exception {
        Path csv = file("t.csv", "score,country,zip,empty\n1.5,DE,02134,\nNaN,NA,10001,\nNA,US,SW1A,\n,NA,,\n");
        Path jsonl = file("t.jsonl", "{\"x\": 1, \"s\": \"NaN\", \"tags\": [1]}\n{\"x\": \"NaN\", \"s\": \"a\"}\n{\"y\": null}\n");

        for (Path path : List.of(csv, jsonl)) {
            Map<String, ColumnType> read = new LinkedHashMap<>();
            new TableReader(Map.of()).read(path).columns().forEach((name, column) -> read.put(name, column.type()));
            assertThat(new TableReader(Map.of()).columnTypes(path)).as(path.toString()).containsExactlyEntriesOf(read);
        }
        assertThat(new TableReader(Map.of()).columnTypes(csv)).containsExactly(Map.entry("score", ColumnType.NUMERIC),
                Map.entry("country", ColumnType.CATEGORICAL), Map.entry("zip", ColumnType.CATEGORICAL),
                Map.entry("empty", ColumnType.NUMERIC));
        assertThat(new TableReader(Map.of()).columnTypes(jsonl)).containsExactly(Map.entry("x", ColumnType.NUMERIC),
                Map.entry("s", ColumnType.CATEGORICAL), Map.entry("y", ColumnType.NUMERIC));
        assertThat(new TableReader(Map.of("x", ColumnType.CATEGORICAL)).columnTypes(jsonl)).containsEntry("x", ColumnType.CATEGORICAL);
    }

    @Test
    void reportsInvalidJsonWithLineAndColumn() throws IOException {
        Path jsonl = file("bad.jsonl", "{\"a\": 1}\n{\"a\": 2,, }\n");
        assertThatThrownBy(() -> new TableReader(Map.of()).read(jsonl))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.jsonl line 2, column")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void aCurrentNonNumberInAColumnTheReferenceHasNumericIsBadInputWithItsLine() throws IOException {
        Path reference = file("ref.csv", "x\n1\n2\n");
        Path current = file("cur.csv", "x\n1\noops\n3\n");
        assertThatThrownBy(() -> TablePair.read(reference, current, Map.of()))
                .hasMessageContaining("cur.csv line 3, column 'x': 'oops' is not a number, but the column is numeric in");
    }

    @Test
    void aColumnWithoutValuesIsReadForTheComparisonToReportNotRefused() throws IOException, BadInputException {
        Path reference = file("ref.csv", "x,y\n1,4\n2,5\n");
        Path current = file("cur.csv", "x,y\n1,\n3,\n");
        TablePair tables = TablePair.read(reference, current, Map.of());
        assertThat(tables.current().columns().get("y").validCount()).isZero();
        assertThat(tables.current().columns().get("y").missingCount()).isEqualTo(2);
    }

    @Test
    void aJsonArrayFieldIsLeftOutAndNamedWithItsFirstLineWhileTheOtherFieldsAreRead() throws IOException, BadInputException {
        Path jsonl = file("tags.jsonl", "{\"a\": 1, \"tags\": null}\n{\"a\": 2, \"tags\": [\"x\", {\"y\": [1]}]}\n{\"a\": 3}\n");
        Table table = new TableReader(Map.of()).read(jsonl);
        assertThat(table.columns().keySet()).containsExactly("a");
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.notComparable()).containsExactly(Map.entry("tags",
                "holds a JSON array (first on line 2); driftwatch compares fields of single values, so it was not compared"));
    }
}
