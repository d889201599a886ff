package io.driftwatch.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path directory;

    @Test
    void findsEveryPlantedProblemAndLeavesTheSampleFilesWhereAsked() {
        StringWriter out = new StringWriter();
        int exit = ToolsMain.commandLine().setOut(new PrintWriter(out))
                .execute("demo", "--batch", "--keep-files", directory.toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("All three planted problems were found.")
                .contains("income")
                .contains("unseen_category")
                .contains("missing_rate_jump")
                .contains("psi (informs)")
                .contains("--policy " + directory.resolve("credit-policy.yaml"))
                .contains("excluded (not features, not read): application_id")
                .containsPattern("income +numeric +wasserstein .* DRIFT")
                .contains("error   unexpected_value   region");
        assertThat(directory.resolve("credit-policy.yaml")).exists();
        assertThat(directory.resolve("reference.csv")).exists();
        assertThat(directory.resolve("current.csv")).exists();
    }

    @Test
    void refusesTheBatchDemosOptionWithoutBatchAndSaysWhatToAdd() {
        StringWriter err = new StringWriter();
        int exit = ToolsMain.commandLine().setErr(new PrintWriter(err))
                .execute("demo", "--keep-files", directory.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-files belongs to the batch demo (add --batch)");
    }
}
