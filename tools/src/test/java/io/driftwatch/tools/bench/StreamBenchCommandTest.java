package io.driftwatch.tools.bench;

import io.driftwatch.tools.ToolsMain;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream benchmark refusing its options before it connects (nothing listens on the address given, and with
 * an address it starts no embedded broker); the benchmark itself runs in {@code StreamBenchCommandIntegrationTest}.
 */
class StreamBenchCommandTest {
    private static final String NO_BROKER = "127.0.0.1:1";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ToolsMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void refusesAFormatItCannotRunWithoutARegistry() {
        int exit = run("bench", "stream", "--format", "avro-registry", "--bootstrap-servers", NO_BROKER);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--format avro-registry is not one of json, avro-single");
    }
}
