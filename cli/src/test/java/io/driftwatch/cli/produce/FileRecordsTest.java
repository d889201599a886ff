package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.SameDataFiles;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code produce} sends for each value, against what {@code check} reads in the same file: the stream's
 * profile of every feature, built from the records exactly as a window builds it, must be the column
 * {@link TableReader} reads (type, valid values, missing count).
 */
class FileRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final List<String> FEATURES = List.of("income", "country", "member");

    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static List<String> columns(Path file) throws BadInputException {
        try (RowReader reader = RowReader.open(file)) {
            return reader.columns();
        }
    }

    private static ProduceColumns options() {
        return new ProduceColumns(
                ColumnOption.of("--id-column", null, ProduceColumns.DEFAULT_REQUEST_ID),
                ColumnOption.of("--model-column", null, ProduceColumns.DEFAULT_MODEL),
                ColumnOption.of("--version-column", null, ProduceColumns.DEFAULT_VERSION),
                ColumnOption.of("--time-column", null, ProduceColumns.DEFAULT_EVENT_TIME),
                ColumnOption.of("--prediction-column", null, ProduceColumns.DEFAULT_PREDICTION),
                ColumnOption.of("--label-column", null, ProduceColumns.DEFAULT_LABEL),
                "credit", "v7", ScoreColumns.NONE, null);
    }

    private static List<InferenceLog> inferences(Path file) throws BadInputException {
        return all(FileRecords.typed(file, options().inferences(file, columns(file), T0)));
    }

    private static <T extends SpecificRecordBase> List<T> all(FileRecords<T> records) throws BadInputException {
        List<T> all = new ArrayList<>();
        try (FileRecords.Cursor<T> cursor = records.open()) {
            for (Optional<T> record = cursor.next(); record.isPresent(); record = cursor.next()) {
                all.add(record.get());
            }
        }
        return all;
    }

    /** Each feature as a stream window profiles it, then holds it exactly. */
    private static Map<String, ColumnData> streamColumns(List<InferenceLog> logs) {
        FeatureProfiles window = new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
        logs.forEach(log -> window.add(log.getFeatures(), log.getPrediction()));
        return Map.of("income", ColumnData.heldExactly(window.profiles().get("income")).orElseThrow(),
                "country", ColumnData.heldExactly(window.profiles().get("country")).orElseThrow(),
                "member", ColumnData.heldExactly(window.profiles().get("member")).orElseThrow());
    }

    private static void assertStreamReadsWhatCheckReads(Path file) throws BadInputException {
        Map<String, ColumnData> check = new TableReader(Map.of()).read(file).columns();
        Map<String, ColumnData> stream = streamColumns(inferences(file));
        for (String feature : FEATURES) {
            ColumnData expected = check.get(feature);
            ColumnData actual = stream.get(feature);
            assertThat(actual.type()).as(feature + ": type").isEqualTo(expected.type());
            assertThat(actual.missingCount()).as(feature + ": missing").isEqualTo(expected.missingCount());
            if (expected instanceof ColumnData.Numeric numbers) {
                assertThat(((ColumnData.Numeric) actual).values().toArray()).as(feature + ": values")
                        .containsExactly(numbers.values().toArray());
            } else {
                assertThat(((ColumnData.Categorical) actual).counts().counts()).as(feature + ": categories")
                        .isEqualTo(((ColumnData.Categorical) expected).counts().counts());
            }
        }
    }

    @Test
    void aNumericCsvColumnsNanNaNoneInfAndEmptyAreMissingFeaturesWhereCheckCountsThemMissing() throws Exception {
        Path csv = file("scores.csv", """
                request_id,prediction,income,country,member
                r1,0.2,NaN,NA,true
                r2,0.3,52000,DE,False
                r3,0.1,NA,NA,true
                r4,0.4,,US,false
                r5,0.5,61000.5,NA,TRUE
                r6,0.6,None,,false
                r7,0.7,-inf,N/A,true
                """);

        List<InferenceLog> logs = inferences(csv);

        assertThat(logs).extracting(log -> log.getFeatures().get("income"))
                .containsExactly(null, 52000.0, null, null, 61000.5, null, null);
        assertThat(logs).allSatisfy(log -> assertThat(log.getFeatures()).containsKey("income"));
        Map<String, ColumnData> check = new TableReader(Map.of()).read(csv).columns();
        assertThat(check.get("income").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(check.get("income").missingCount()).isEqualTo(5);
        assertStreamReadsWhatCheckReads(csv);
    }

    @Test
    void aParquetFileGivesTheRecordsOfTheSameDataAsCsvAndTheColumnsCheckReads() throws Exception {
        Path csv = file("scores.csv", """
                request_id,prediction,income,country,member
                r1,0.2,52000,DE,true
                r2,0.3,,NA,false
                r3,0.1,61000.5,,true
                r4,0.4,48000,US,
                """);
        Path parquet = SameDataFiles.parquetFromCsv(csv, "request_id, CAST(prediction AS DOUBLE) AS prediction, "
                + "CAST(income AS DECIMAL(10, 1)) AS income, country, CAST(member AS BOOLEAN) AS member",
                directory.resolve("scores.parquet"));

        List<InferenceLog> fromParquet = inferences(parquet);

        assertThat(fromParquet).extracting(log -> log.getFeatures().get("income")).containsExactly(52000.0, null, 61000.5, 48000.0);
        assertThat(fromParquet).extracting(log -> log.getFeatures().get("member")).containsExactly(true, false, true, null);
        assertThat(fromParquet).extracting(log -> log.getRequestId().toString()).containsExactly("r1", "r2", "r3", "r4");
        assertThat(fromParquet).isEqualTo(inferences(csv));
        assertStreamReadsWhatCheckReads(parquet);
    }

    @Test
    void naInACategoricalColumnStaysTheLabelNaAsInCheck() throws Exception {
        Path csv = file("countries.csv", """
                request_id,prediction,income,country,member
                r1,0.2,1,NA,true
                r2,0.3,2,DE,false
                r3,0.1,3,NA,true
                r4,0.4,4,,false
                """);

        List<InferenceLog> logs = inferences(csv);

        assertThat(logs).extracting(log -> log.getFeatures().get("country")).containsExactly("NA", "DE", "NA", null);
        ColumnData.Categorical country = (ColumnData.Categorical) new TableReader(Map.of()).read(csv).columns().get("country");
        assertThat(country.counts().count("NA")).isEqualTo(2);
        assertStreamReadsWhatCheckReads(csv);
    }

    @Test
    void aJsonStringNanInANumericFieldIsAMissingFeatureAsCheckCountsIt() throws Exception {
        Path jsonl = file("scores.jsonl", """
                {"request_id": "r1", "prediction": 0.2, "income": "NaN", "country": "NA", "member": true}
                {"request_id": "r2", "prediction": 0.3, "income": 52000, "country": "DE", "member": false}
                {"request_id": "r3", "prediction": 0.1, "income": null, "country": "NA", "member": true}
                {"request_id": "r4", "prediction": 0.4, "income": "NA", "country": "", "member": false}
                {"request_id": "r5", "prediction": 0.5, "income": 61000.5, "country": "US", "member": true}
                """);

        List<InferenceLog> logs = inferences(jsonl);

        assertThat(logs).extracting(log -> log.getFeatures().get("income")).containsExactly(null, 52000.0, null, null, 61000.5);
        assertThat(logs).extracting(log -> log.getFeatures().get("country")).containsExactly("NA", "DE", "NA", null, "US");
        assertStreamReadsWhatCheckReads(jsonl);
    }

    @Test
    void aPredictionCheckReadsAsMissingIsRefusedWithItsLineAsAnEmptyOneIs() throws IOException {
        Path csv = file("predictions.csv", "request_id,prediction,income\nr1,0.2,1\nr2,NaN,2\n");

        assertThatThrownBy(() -> inferences(csv)).isInstanceOf(BadInputException.class)
                .hasMessage(csv + " line 3, column 'prediction': the prediction is empty, or a value that check reads as"
                        + " missing in a numeric column (NaN, NA, null, inf); every row needs one");
    }

    @Test
    void aLabelCheckReadsAsMissingIsRefusedWithItsLineAsAnEmptyOneIs() throws IOException {
        Path csv = file("labels.csv", "request_id,label\nr1,1\nr2,NA\n");

        assertThatThrownBy(() -> all(FileRecords.typed(csv, options().labels(csv, columns(csv), T0))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(csv + " line 3, column 'label': the label is empty, or a value that check reads as missing");
    }

    @Test
    void idsAreReadAsWrittenSoARequestIdNullStaysAnId() throws Exception {
        Path csv = file("ids.csv", "request_id,prediction,income\n7,0.2,1\nnull,0.3,2\n");

        assertThat(inferences(csv)).extracting(InferenceLog::getRequestId).containsExactly("7", "null");
    }
}
