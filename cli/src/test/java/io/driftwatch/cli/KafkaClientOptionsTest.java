package io.driftwatch.cli;

import io.driftwatch.topology.config.DriftwatchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientOptionsTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void theCommandLineWinsOverTheFileWhoseOtherKeysAllCount() throws Exception {
        Path file = Files.writeString(directory.resolve("driftwatch.properties"),
                "bootstrap.servers=from-file:9092\nsecurity.protocol=SSL\ndriftwatch.topic.triggers=ci-triggers\n");

        Map<String, Object> settings = KafkaClientOptions.of("from-command-line:9092", file).settings(Map.of());

        assertThat(settings).containsEntry("bootstrap.servers", "from-command-line:9092")
                .containsEntry("security.protocol", "SSL").containsEntry(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, "ci-triggers");
    }

    @Test
    void theDeprecatedConsumerConfigOfTriggersIsTheConfigFileAndWarnsOnce() {
        Path missing = directory.resolve("client.properties");

        int exit = execute("triggers", "--consumer-config", missing.toString());

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().lines()).containsExactly(
                "driftwatch: warning: --consumer-config is deprecated and will be removed; use --config",
                "driftwatch: --config " + missing + " does not exist or is not a file; check the path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "triggers", "produce --encoding json rows.csv"})
    void aCommandGivenNoKafkaSaysWhatToGive(String command) throws IOException {
        Files.writeString(directory.resolve("rows.csv"), "prediction\n1\n");
        String[] args = command.replace("rows.csv", directory.resolve("rows.csv").toString()).split(" ");

        int exit = execute(args);

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).hasLineCount(1)
                .contains("no Kafka to connect to: pass --bootstrap-servers HOST:PORT, or set bootstrap.servers in the --config file");
    }
}
