package io.driftwatch.cli.estimate;

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
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --estimate-performance} as a user meets its edges: each missing prerequisite refused in one line that
 * says what to add, and the current file's labels, where it has them, shown beside the estimate but never used for it.
 * The estimates themselves are held to NumPy by {@code NannyMlStyleEstimationTest}.
 */
class CheckEstimatePerformanceTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
    }

    /** A binary model's log: a score, the prediction at 0.5, and (when asked) a label drawn with the score's odds. */
    private Path file(String name, int rows, long seed, boolean withLabels, boolean oneClass) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("x,predicted,p_churn" + (withLabels ? ",churned" : ""));
        for (int i = 0; i < rows; i++) {
            double score = Math.round(random.nextDouble() * 10_000) / 10_000.0;
            int label = oneClass ? 0 : random.nextDouble() < score ? 1 : 0;
            lines.add(String.format(Locale.ROOT, "%d,%d,%s%s", i % 5, score >= 0.5 ? 1 : 0, score,
                    withLabels ? "," + label : ""));
        }
        return Files.write(directory.resolve(name), lines);
    }

    private static List<String> check(Path reference, Path current, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(), "--current",
                current.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static final String[] ESTIMATE = {"--chunk-rows", "100", "--labels", "churned", "--prediction-column",
        "predicted", "--score-column", "p_churn", "--estimate-performance", "--format", "json"};

    private void assertRefusedInOneLine(int exit, String... phrases) {
        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains(phrases);
    }

    @Test
    void withoutAChunkerTheEstimateIsRefusedAndTheLineNamesTheChunkerOptions() throws IOException {
        int exit = run(check(file("ref.csv", 400, 1, true, false), file("cur.csv", 300, 2, false, false),
                "--labels", "churned", "--prediction-column", "predicted", "--score-column", "p_churn",
                "--estimate-performance"));

        assertRefusedInOneLine(exit, "--estimate-performance", "--chunk-rows");
    }

    @Test
    void withoutLabelsTheEstimateIsRefusedAndTheLineAsksForTheLabelColumn() throws IOException {
        int exit = run(check(file("ref.csv", 400, 1, true, false), file("cur.csv", 300, 2, false, false),
                "--chunk-rows", "100", "--prediction-column", "predicted", "--score-column", "p_churn",
                "--estimate-performance"));

        assertRefusedInOneLine(exit, "--estimate-performance", "--labels COLUMN");
    }

    @Test
    void withoutOneScoreColumnTheEstimateIsRefused() throws IOException {
        Path reference = file("ref.csv", 400, 1, true, false);
        Path current = file("cur.csv", 300, 2, false, false);

        int none = run(check(reference, current, "--chunk-rows", "100", "--labels", "churned", "--prediction-column",
                "predicted", "--estimate-performance"));
        assertRefusedInOneLine(none, "exactly one --score-column COLUMN", "got 0: none");

        err.getBuffer().setLength(0);
        int perClass = run(check(reference, current, "--chunk-rows", "100", "--labels", "churned", "--prediction-column",
                "predicted", "--score-column", "0=p_churn", "--score-column", "1=p_churn", "--estimate-performance"));
        assertRefusedInOneLine(perClass, "exactly one --score-column COLUMN", "got 2");
    }

    @Test
    void aReferenceWithoutLabelsIsRefusedBecauseTheFitNeedsThem() throws IOException {
        Path reference = file("ref.csv", 400, 1, false, false);

        int exit = run(check(reference, file("cur.csv", 300, 2, true, false), ESTIMATE));

        assertRefusedInOneLine(exit, "fits on the reference's true labels", reference + " has no column 'churned'");
    }

    @Test
    void aReferenceOfOneClassIsRefusedBecauseNoConfusionCanBeLearnedFromIt() throws IOException {
        Path reference = file("ref.csv", 400, 1, true, true);

        int exit = run(check(reference, file("cur.csv", 300, 2, true, false), ESTIMATE));

        assertRefusedInOneLine(exit, "cannot be fitted on " + reference, "only one class");
    }

    @Test
    void aCurrentScoreOutsideZeroToOneIsRefusedNamingItsLine() throws IOException {
        Path current = Files.writeString(directory.resolve("cur.csv"), "x,predicted,p_churn\n1,1,0.7\n2,1,1.3\n");

        int exit = run(check(file("ref.csv", 400, 1, true, false), current, ESTIMATE));

        assertRefusedInOneLine(exit, current + " line 3, column 'p_churn'", "not a probability in [0, 1]");
    }

    @Test
    void theCurrentFilesLabelsAreShownBesideTheEstimateButNeverChangeIt() throws IOException {
        Path reference = file("ref.csv", 400, 1, true, false);

        int unlabelledExit = run(check(reference, file("unlabelled.csv", 300, 2, false, false), ESTIMATE));
        JsonNode unlabelled = new ObjectMapper().readTree(out.toString()).get("chunks");
        out.getBuffer().setLength(0);
        run(check(reference, file("labelled.csv", 300, 2, true, false), ESTIMATE));
        JsonNode labelled = new ObjectMapper().readTree(out.toString()).get("chunks");

        assertThat(unlabelledExit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND);
        assertThat(unlabelled).hasSize(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            for (String metric : List.of("accuracy", "f1", "roc_auc", "average_precision")) {
                JsonNode without = unlabelled.get(chunk).at("/estimated/" + metric);
                JsonNode with = labelled.get(chunk).at("/estimated/" + metric);
                assertThat(without.get("value").asDouble()).as(metric).isBetween(0.0, 1.0)
                        .isEqualTo(with.get("value").asDouble());
                assertThat(without.get("sampling_error").asDouble()).isPositive();
                assertThat(without.has("realized")).isFalse();
                assertThat(with.get("realized").asDouble()).isBetween(0.0, 1.0);
            }
        }
    }
}
