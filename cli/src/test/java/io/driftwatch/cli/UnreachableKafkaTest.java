package io.driftwatch.cli;

import io.driftwatch.cli.baseline.TrainingFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that does not answer is a failure outside driftwatch: every command that writes to Kafka exits 3 for it. */
class UnreachableKafkaTest {
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"produce", "baseline"})
    void aCommandWritingToAnUnreachableBrokerExitsThreeWithOneLineNamingTheBrokers(String command) throws IOException {
        Path config = Files.writeString(directory.resolve("client.properties"),
                "request.timeout.ms=500\ndefault.api.timeout.ms=1000\nmax.block.ms=1000\n");
        Path training = TrainingFiles.write(directory, "train.csv");
        Path inferences = Files.writeString(directory.resolve("today.csv"), "prediction,x\n0.5,1\n0.6,2\n");
        String[] args = command.equals("produce")
                ? new String[] {"produce", "--bootstrap-servers", NO_BROKER, "--config", config.toString(), "--topic", "t",
                        "--encoding", "json", "--model", "m", "--model-version", "1", inferences.toString()}
                : new String[] {"baseline", "--bootstrap-servers", NO_BROKER, "--config", config.toString(), "--model", "m",
                        "--model-version", "1", "--no-calibrate", "--input", training.toString()};

        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: ").contains("--config")
                .doesNotContain("internal error");
    }
}
