package io.driftwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code baseline --estimate-performance} asked for what CBPE cannot fit: each refused with exit 2 in one line that
 * names what was wrong and what to do, and no baseline written.
 */
class BaselineEstimateRefusalsTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A binary model's labelled log: the score, the prediction at 0.5 and a label drawn against the score (or 1). */
    private Path file(String name, int rows, String scoreOfRowZero, boolean oneClass) throws Exception {
        StringBuilder csv = new StringBuilder("tenure,predicted,p_churn,p_stay,churned\n");
        for (int row = 0; row < rows; row++) {
            double score = (row * 37 % 100) / 100.0;
            String scoreText = row == 0 ? scoreOfRowZero : String.format(Locale.ROOT, "%.2f", score);
            int label = oneClass ? 1 : (row * 53 % 100) / 100.0 < score ? 1 : 0;
            csv.append(row % 24).append(',').append(score >= 0.5 ? 1 : 0).append(',').append(scoreText).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 1 - score)).append(',').append(label).append('\n');
        }
        return Files.writeString(directory.resolve(name), csv);
    }

    private void assertRefusedInOneLine(Path input, List<String> options, String... phrases) {
        Path output = directory.resolve("refused.avro");
        List<String> args = new ArrayList<>(List.of("baseline", "--model", "churn", "--model-version", "2", "--input",
                input.toString(), "--output", output.toString(), "--no-calibrate"));
        args.addAll(options);

        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));

        assertThat(exit).as(out.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().lines().toList()).as(err.toString()).hasSize(1);
        assertThat(err.toString()).contains(phrases);
        assertThat(output).doesNotExist();
    }

    @Test
    void withoutLabelsItAsksForTheLabelColumn() throws Exception {
        assertRefusedInOneLine(file("log.csv", 400, "0.5", false), List.of("--prediction-column", "predicted",
                "--score-column", "p_churn", "--estimate-performance"), "--estimate-performance", "--labels COLUMN");
    }

    @Test
    void withClassScoresOfAMulticlassModelItAsksForOneProbabilityColumn() throws Exception {
        assertRefusedInOneLine(file("log.csv", 400, "0.5", false), List.of("--labels", "churned",
                "--prediction-column", "predicted", "--score-column", "1=p_churn", "--score-column", "0=p_stay",
                "--estimate-performance"), "exactly one --score-column COLUMN", "got 2: 1=p_churn, 0=p_stay",
                "without CLASS=");
    }

    @Test
    void withoutAScoreColumnItAsksForOne() throws Exception {
        assertRefusedInOneLine(file("log.csv", 400, "0.5", false), List.of("--labels", "churned",
                "--prediction-column", "predicted", "--estimate-performance"), "exactly one --score-column COLUMN",
                "got 0: none");
    }

    @Test
    void aScoreOutsideZeroToOneIsNamedWithItsLine() throws Exception {
        Path input = file("log.csv", 400, "1.7", false);
        assertRefusedInOneLine(input, List.of("--labels", "churned", "--prediction-column", "predicted",
                "--score-column", "p_churn", "--estimate-performance"), input + " line 2, column 'p_churn'",
                "score 1.7", "is not a probability in [0, 1]");
    }

    @Test
    void labelsOfOneClassCannotBeFittedAndTheLineSaysSo() throws Exception {
        Path input = file("log.csv", 400, "0.5", true);
        assertRefusedInOneLine(input, List.of("--labels", "churned", "--prediction-column", "predicted",
                "--score-column", "p_churn", "--positive-class", "1", "--estimate-performance"),
                "--estimate-performance cannot be fitted on " + input + ": the reference has only one class");
    }

    @Test
    void bothChunkOptionsAreRefusedNamingBoth() throws Exception {
        assertRefusedInOneLine(file("log.csv", 400, "0.5", false), List.of("--labels", "churned",
                "--prediction-column", "predicted", "--score-column", "p_churn", "--estimate-performance",
                "--estimate-chunks", "4", "--estimate-chunk-rows", "100"), "--estimate-chunks K",
                "--estimate-chunk-rows N", "not both");
    }

    @Test
    void aChunkOptionWithoutTheFitAsksForIt() throws Exception {
        assertRefusedInOneLine(file("log.csv", 400, "0.5", false), List.of("--labels", "churned",
                "--estimate-chunk-rows", "100"), "--estimate-chunk-rows", "add --estimate-performance");
    }

    @Test
    void moreChunksThanRowsNamesTheBaselinesOption() throws Exception {
        assertRefusedInOneLine(file("log.csv", 8, "0.5", false), List.of("--labels", "churned",
                "--prediction-column", "predicted", "--score-column", "p_churn", "--estimate-performance"),
                "--estimate-chunks 10:", "has 8 rows", "give at most 8 chunks");
    }
}
