package io.driftwatch.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"check", "baseline", "run", "alerts", "triggers", "produce", "demo", "bench", "bench decode", "bench stream", "bench latency"})
    void everyCommandAnswersHelpWithItsOptionsAndExamples(String command) {
        StringWriter out = new StringWriter();
        String[] args = (command + " --help").split(" ");
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: driftwatch " + command).contains("Examples:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void theTopCommandListsEverySubcommand(String help) {
        StringWriter out = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).execute(help);
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("check", "baseline", "run", "alerts", "triggers", "produce", "bench", "demo");
    }
}
