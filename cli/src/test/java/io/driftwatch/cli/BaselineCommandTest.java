package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.baseline.TrainingFiles;
import io.driftwatch.cli.tabular.SameDataFiles;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftwatch baseline} without Kafka: the files it writes and prints, and its bad input; publishing is in {@code BaselineCommandIntegrationTest}. */
class BaselineCommandTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void aJsonArrayFieldOfTheTrainingFileIsNamedAsNotProfiledAndTheRestIsProfiled() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append("{\"age\": ").append(20 + i).append(", \"member\": \"").append(i % 2 == 0 ? "True" : "False")
                    .append("\", \"tags\": [\"a\"]}\n");
        }
        Path training = Files.writeString(directory.resolve("train.jsonl"), lines.toString());
        Path avro = directory.resolve("tags.avro");

        int exit = run("baseline", "--model", "tags", "--model-version", "1", "--input", training.toString(),
                "--output", avro.toString(), "--no-calibrate");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Not profiled: field 'tags' holds a JSON array (first on line 1)");
        Baseline written = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
        assertThat(written.getColumns()).extracting(c -> c.getName()).containsExactly("age", "member");
    }

    @Test
    void aParquetTrainingFileGivesTheBaselineOfTheSameDataAsCsv() throws Exception {
        Path csv = TrainingFiles.write(directory, "train.csv");
        Path parquet = SameDataFiles.parquetFromCsv(csv, "CAST(income AS DOUBLE) AS income, region, CAST(flag AS INTEGER) AS flag",
                directory.resolve("train.parquet"));
        Path fromCsv = directory.resolve("csv.json");
        Path fromParquet = directory.resolve("parquet.json");

        assertThat(run("baseline", "--model", "fraud", "--model-version", "3", "--input", csv.toString(),
                "--output", fromCsv.toString(), "--no-calibrate")).as(err.toString()).isZero();
        assertThat(run("baseline", "--model", "fraud", "--model-version", "3", "--input", parquet.toString(),
                "--output", fromParquet.toString(), "--no-calibrate")).as(err.toString()).isZero();

        JsonNode expected = new ObjectMapper().readTree(fromCsv.toFile());
        JsonNode actual = new ObjectMapper().readTree(fromParquet.toFile());
        assertThat(actual.get("columns").size()).isEqualTo(3);
        for (String column : List.of("income", "region", "flag")) {
            // not profile_base64: its KLL sketch compacts at random, so two reads of one CSV differ there too
            expected.get("columns").get(column).fieldNames().forEachRemaining(field -> assertThat(
                    field.equals("profile_base64") || actual.get("columns").get(column).get(field)
                            .equals(expected.get("columns").get(column).get(field))).as(column + "." + field).isTrue());
        }
    }

    @Test
    void exactValuesOutOfRangeIsBadInputNamingTheRange() throws Exception {
        Path training = TrainingFiles.write(directory, "train.csv");
        int exit = run("baseline", "--model", "m", "--model-version", "1", "--input", training.toString(), "--exact-values", "-1");
        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--exact-values -1: give 0 to 16777216 raw values per numeric column");
    }

    @Test
    void withoutKafkaWritesReadableJsonAndSaysItDidNotPublish() throws Exception {
        Path json = directory.resolve("fraud-3.json");

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--output", json.toString(),
                "--calibration-chunk-rows", "250", "--calibration-chunks", "8");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote " + json).contains("Not published: no --bootstrap-servers given");
        JsonNode baseline = new ObjectMapper().readTree(json.toFile());
        assertThat(baseline.at("/model").asText()).isEqualTo("fraud");
        assertThat(baseline.at("/calibration/chunks").asInt()).isEqualTo(8);
        assertThat(baseline.at("/calibration/chunk_rows").asInt()).isEqualTo(250);
        assertThat(baseline.at("/columns/income/min").asDouble()).isEqualTo(TrainingFiles.INCOME_MIN);
        assertThat(baseline.at("/columns/region/domain/3").asText()).isEqualTo("west");
        assertThat(baseline.at("/columns/income/thresholds/wasserstein").asDouble()).isPositive();
    }

    @Test
    void theModelVersionIsRequired() throws Exception {
        int exit = run("baseline", "--model", "fraud", "--input", TrainingFiles.write(directory, "train.csv").toString());

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--model-version is required");
    }

    @Test
    void aMissingTrainingFileIsBadInputNamingTheFile() {
        Path missing = directory.resolve("nope.csv");

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input", missing.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(missing + " does not exist");
    }

    @Test
    void aValueThatIsNotANumberInADeclaredNumericColumnIsBadInputNamingLineAndColumn() throws Exception {
        Path training = directory.resolve("train.csv");
        Files.writeString(training, "income,region\n10,north\nabc,south\n");

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input", training.toString(),
                "--column-type", "income=numeric");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(training + " line 3, column 'income': 'abc' is not a number");
    }

    @Test
    void tooFewChunksIsBadInput() throws Exception {
        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--calibration-chunks", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--calibration-chunks 2: calibration needs at least 3 chunks, got 2");
    }

    @Test
    void aMissingConfigIsBadInput() throws Exception {
        Path config = directory.resolve("missing.properties");

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--config " + config + " does not exist");
    }

    private Path labelledFile(String name) throws Exception {
        return ChurnValidationFile.write(directory, name);
    }

    @Test
    void withoutLabelsTheBaselineRecordsNoQuality() throws Exception {
        Path avro = directory.resolve("fraud-3.avro");

        int exit = run("baseline", "--model", "fraud", "--model-version", "3", "--input",
                TrainingFiles.write(directory, "train.csv").toString(), "--output", avro.toString(), "--no-calibrate");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro))).getQuality()).isNull();
        assertThat(out.toString()).doesNotContain("Quality");
    }

    @Test
    void aPredictionColumnWithoutLabelsIsProfiledAsThePredictionAndRecordsNoQuality() throws Exception {
        Path avro = directory.resolve("churn-7.avro");

        int exit = run("baseline", "--model", "churn", "--model-version", "7", "--input", labelledFile("validation.csv").toString(),
                "--prediction-column", "predicted", "--score-column", "yes=p_yes", "--score-column", "no=p_no",
                "--output", avro.toString(), "--no-calibrate");

        assertThat(exit).as(err.toString()).isZero();
        Baseline written = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro)));
        assertThat(written.getQuality()).isNull();
        assertThat(written.getColumns()).extracting(c -> c.getName()).containsExactly("tenure", "plan", "churned", "__prediction__");
    }

    @Test
    void scoreColumnsWithoutAPredictionOrLabelsAreBadInput() throws Exception {
        int exit = run("baseline", "--model", "churn", "--model-version", "7", "--input", labelledFile("validation.csv").toString(),
                "--score-column", "yes=p_yes");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--score-column needs --labels or --prediction-column");
    }

    @Test
    void anUnknownLabelColumnIsBadInputNamingFileAndColumn() throws Exception {
        Path validation = labelledFile("validation.csv");

        int exit = run("baseline", "--model", "churn", "--model-version", "7", "--input", validation.toString(),
                "--labels", "churn", "--prediction-column", "predicted");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(validation + " has no column 'churn' for the true labels (--labels churn)");
    }

    @Test
    void withLabelsAMissingDefaultPredictionColumnIsBadInputNamingTheOption() throws Exception {
        Path validation = labelledFile("validation.csv");

        int exit = run("baseline", "--model", "churn", "--model-version", "7", "--input", validation.toString(),
                "--labels", "churned");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(validation + " has no column 'prediction' for the model's predictions"
                + " (--prediction-column prediction)");
    }

    @Test
    void labelsThatDoNotFitTheTaskAreBadInput() throws Exception {
        Path validation = directory.resolve("regressed.csv");
        Files.writeString(validation, "x,predicted,actual\n1,10.5,11\n2,9.5,high\n3,12.5,12\n");

        int exit = run("baseline", "--model", "price", "--model-version", "1", "--input", validation.toString(),
                "--labels", "actual", "--prediction-column", "predicted");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(validation + " line 3: label 'high' (column 'actual')");
    }

    /** 200 rows of a binary model: labels 0/1, the predicted class, and the probability of class 1 (p). */
    private Path binaryFile(String labelNo, String labelYes) throws Exception {
        StringBuilder csv = new StringBuilder("tenure,churned,predicted,p\n");
        for (int row = 0; row < 200; row++) {
            boolean yes = row % 3 == 0;
            double p = yes ? 0.55 + (row % 7) * 0.05 : 0.1 + (row % 8) * 0.05;
            csv.append(row % 24).append(',').append(yes ? labelYes : labelNo).append(',')
                    .append(p >= 0.5 ? labelYes : labelNo).append(',').append(p).append('\n');
        }
        return Files.writeString(directory.resolve("binary.csv"), csv);
    }

    @Test
    void zeroOneLabelsWithOneProbabilityColumnPrintTheClassificationQualityWithRocAucAndNoMape() throws Exception {
        Path json = directory.resolve("churn-8.json");

        int exit = run("baseline", "--model", "churn", "--model-version", "8", "--input", binaryFile("0", "1").toString(),
                "--labels", "churned", "--prediction-column", "predicted", "--score-column", "p", "--output", json.toString(),
                "--no-calibrate");

        assertThat(exit).as(err.toString()).isZero();
        // Every positive is scored at least 0.55 and every negative at most 0.5: ROC AUC 1, every row right.
        assertThat(out.toString()).contains("Quality (classification) on 200 labelled rows of 200")
                .containsPattern("roc_auc +1\\.0000").containsPattern("accuracy +1\\.0000").contains("log_loss")
                .doesNotContain("mape").doesNotContain("mae");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.at("/quality/metrics/roc_auc").asDouble()).isEqualTo(1.0);
        List<String> profiled = new ArrayList<>();
        written.get("columns").fieldNames().forEachRemaining(profiled::add);
        assertThat(profiled).as("the score column is not profiled").containsExactly("tenure", "__prediction__");
    }

    @Test
    void twoNamedClassesWithOneProbabilityColumnAndNoPositiveClassExitTwoNamingBothClasses() throws Exception {
        Path validation = binaryFile("stay", "churn");

        int exit = run("baseline", "--model", "churn", "--model-version", "8", "--input", validation.toString(),
                "--labels", "churned", "--prediction-column", "predicted", "--score-column", "p");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(validation + ": the labels in column 'churned' are two classes, 'churn' and"
                + " 'stay'").contains("pass --positive-class churn or --positive-class stay");

        StringWriter again = new StringWriter();
        int named = DriftwatchCommand.commandLine().setOut(new PrintWriter(again)).setErr(new PrintWriter(err)).execute(
                "baseline", "--model", "churn", "--model-version", "8", "--input", validation.toString(), "--labels", "churned",
                "--prediction-column", "predicted", "--score-column", "p", "--positive-class", "churn", "--no-calibrate");
        assertThat(named).as(err.toString()).isZero();
        assertThat(again.toString()).contains("Quality (classification)").containsPattern("roc_auc +1\\.0000");
    }

    @Test
    void helpNamesTheDefaultBaselinesTopic() {
        int exit = run("baseline", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("else " + DriftwatchConfig.CONFIG_DEF.defaultValues()
                .get(DriftwatchConfig.BASELINES_TOPIC_CONFIG) + ")").contains("Examples:");
    }

    @Test
    void aNamedClassModelsPolicyPositiveClassGivesTheBaselineQualityItsBinaryFiguresAsTheStreamComputesThem()
            throws Exception {
        StringBuilder csv = new StringBuilder("x,predicted,churned\n");
        for (int i = 0; i < 40; i++) {
            String predicted = i % 2 == 0 ? "churn" : "stay";
            String actual = i % 5 == 0 ? (predicted.equals("churn") ? "stay" : "churn") : predicted;
            csv.append(i).append(',').append(predicted).append(',').append(actual).append('\n');
        }
        Path validation = Files.writeString(directory.resolve("named.csv"), csv);
        Path policy = Files.writeString(directory.resolve("churn.yaml"), "model: churn\noutcome: {positive_class: churn}\n");
        Path avro = directory.resolve("churn.avro");

        int exit = run("baseline", "--model", "churn", "--model-version", "9", "--input", validation.toString(), "--labels",
                "churned", "--prediction-column", "predicted", "--policy", policy.toString(), "--no-calibrate",
                "--output", avro.toString());

        assertThat(exit).as(err.toString()).isZero();
        Map<String, Double> metrics = Baseline.fromByteBuffer(ByteBuffer.wrap(Files.readAllBytes(avro))).getQuality().getMetrics();
        // 20 predicted churn, 4 of them stay; 20 predicted stay, 4 of them churn.
        assertThat(metrics).containsEntry("precision", 0.8).containsEntry("recall", 0.8).containsEntry("specificity", 0.8);
    }
}
