package io.driftwatch.cli.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code check --labels}: each file's quality in the JSON, table and HTML reports, against the numbers
 * {@code binary_quality_reference.py} (stats' test resources) prints from scikit-learn's and NannyML's definitions
 * in NumPy: the reference is its first ten rows, the current file all twenty.
 */
class CheckQualityTest {
    private static final int[] LABELS = {1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1};
    private static final double[] SCORES = {0.9, 0.4, 0.4, 0.8, 0.1, 0.7, 0.6, 0.4, 0.2, 0.7, 0.3, 0.5, 0.1, 0.6, 0.9,
        0.3, 0.4, 0.2, 0.7, 0.5};
    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Path file(String name, int rows, boolean withLabels) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("x,predicted,p_churn" + (withLabels ? ",churned" : ""));
        for (int i = 0; i < rows; i++) {
            lines.add(i % 7 + "," + (SCORES[i] >= 0.5 ? 1 : 0) + "," + SCORES[i] + (withLabels ? "," + LABELS[i] : ""));
        }
        return Files.write(directory.resolve(name), lines);
    }

    private String[] check(Path reference, Path current, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(), "--current",
                current.toString(), "--labels", "churned", "--prediction-column", "predicted", "--score-column", "p_churn"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void jsonReportsEachFilesQualityAsScikitLearnAndNannyMlDefineIt() throws IOException {
        int exit = run(check(file("reference.csv", 10, true), file("current.csv", 20, true),
                "--business-value", "[[5, -10], [-50, 100]]", "--format", "json"));

        JsonNode quality = new ObjectMapper().readTree(out.toString()).get("quality");
        assertThat(exit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND);
        assertThat(quality.get("labels").asText()).isEqualTo("churned");
        JsonNode current = quality.get("current");
        assertThat(current.get("labelled").asLong()).isEqualTo(20);
        // tp 6, fp 4, fn 3, tn 7; average precision: scikit-learn's step sum over the distinct scores.
        assertThat(current.at("/metrics/precision").asDouble()).isCloseTo(0.6, within(TOLERANCE));
        assertThat(current.at("/metrics/recall").asDouble()).isCloseTo(0.6666666666666666, within(TOLERANCE));
        assertThat(current.at("/metrics/f1").asDouble()).isCloseTo(0.631578947368421, within(TOLERANCE));
        assertThat(current.at("/metrics/specificity").asDouble()).isCloseTo(0.6363636363636364, within(TOLERANCE));
        assertThat(current.at("/metrics/balanced_accuracy").asDouble()).isCloseTo(0.6515151515151515, within(TOLERANCE));
        assertThat(current.at("/metrics/average_precision").asDouble()).isCloseTo(0.7330026455026455, within(TOLERANCE));
        assertThat(current.get("positive_class").asText()).isEqualTo("1");
        assertThat(current.at("/confusion_matrix/false_negative/count").asLong()).isEqualTo(3);
        assertThat(current.at("/confusion_matrix/false_negative/share").asDouble()).isCloseTo(0.15, within(TOLERANCE));
        assertThat(current.at("/business_value/total").asDouble()).isCloseTo(445.0, within(TOLERANCE));
        assertThat(current.at("/business_value/per_prediction").asDouble()).isCloseTo(44.5, within(TOLERANCE));
        JsonNode reference = quality.get("reference");
        // The first ten rows: tp 4, fp 1, fn 1, tn 4.
        assertThat(reference.at("/metrics/precision").asDouble()).isCloseTo(0.8, within(TOLERANCE));
        assertThat(reference.at("/metrics/average_precision").asDouble()).isCloseTo(0.835, within(TOLERANCE));
        assertThat(reference.at("/business_value/per_prediction").asDouble()).isCloseTo(72.0, within(TOLERANCE));
    }

    @Test
    void theLabelsAndScoresAreNotComparedForDriftButThePredictionIs() throws IOException {
        run(check(file("reference.csv", 10, true), file("current.csv", 20, true), "--format", "json"));

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("columns").fieldNames()).toIterable().containsExactlyInAnyOrder("x", "predicted");
        assertThat(report.get("excluded")).extracting(JsonNode::asText).containsExactlyInAnyOrder("churned", "p_churn");
    }

    @Test
    void aFileWithoutTheLabelColumnIsSaidToHaveNoQualityAndTheOtherStillHasIt() throws IOException {
        int exit = run(check(file("reference.csv", 10, true), file("current.csv", 20, false), "--format", "json"));

        JsonNode quality = new ObjectMapper().readTree(out.toString()).get("quality");
        assertThat(exit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND);
        assertThat(quality.at("/current/none").asText()).isEqualTo("no column 'churned' of true labels (--labels): no quality");
        assertThat(quality.at("/reference/metrics/recall").asDouble()).isCloseTo(0.8, within(TOLERANCE));
    }

    @Test
    void theTableAndTheHtmlPageShowTheQualityBesideTheDrift() throws IOException {
        Path reference = file("reference.csv", 10, true);
        Path current = file("current.csv", 20, true);
        run(check(reference, current));
        String table = out.toString();
        out.getBuffer().setLength(0);
        run(check(reference, current, "--format", "html"));

        assertThat(table).contains("Quality (labels in 'churned'").containsPattern("recall\\s+0\\.8000\\s+0\\.6667")
                .containsPattern("false negatives\\s+1 \\(0\\.100\\)\\s+3 \\(0\\.150\\)");
        assertThat(out.toString()).contains("<h2>Quality</h2>").contains("<td>average_precision</td><td>0.8350</td><td>0.7330</td>");
    }

    @Test
    void checksHelpShowsTheQualityOptions() {
        assertThat(run("check", "--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--labels=LABEL_COLUMN", "--prediction-column=COLUMN",
                "--score-column=[CLASS=]COLUMN", "--positive-class=CLASS", "--business-value='[[tn, fp], [fn, tp]]'",
                "Quality never changes the exit code");
    }

    @Test
    void qualityAloneNeverChangesTheExitCode() throws IOException {
        Path same = file("reference.csv", 20, true);

        assertThat(run(check(same, same))).isEqualTo(ExitCode.OK);
    }

    @Test
    void aLabelColumnInNeitherFileAMatrixThatIsNotTwoByTwoAndAScoreOutsideZeroToOneExitTwoWithOneLine()
            throws IOException {
        Path reference = file("reference.csv", 10, true);
        Path current = file("current.csv", 20, true);

        assertThat(run("check", "--reference", reference.toString(), "--current", current.toString(), "--labels",
                "is_churn", "--prediction-column", "predicted")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--labels is_churn: neither").contains("has that column");
        assertThat(run(check(reference, current, "--business-value", "[[1, 2], [3]]"))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--business-value '[[1, 2], [3]]' is not a 2x2 matrix of numbers");
        Path badScore = Files.writeString(directory.resolve("bad.csv"), "x,predicted,p_churn,churned\n1,1,1.5,1\n2,0,0.2,0\n");
        assertThat(run(check(reference, badScore))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("line 2, column 'p_churn': score 1.5 of class '1' is not a probability in [0, 1]");
    }
}
