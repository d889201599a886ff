package io.driftwatch.tools;

import io.driftwatch.cli.ExitCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help and exit codes of the commands only the tools jar adds (demo, bench, chaos); the production commands'
 * and the top command's are {@code HelpTest}'s, on the same command line and the same {@link ExitCode} table.
 */
class ToolsHelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return ToolsMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "bench", "bench decode", "bench stream", "bench latency"})
    void everyCommandAnswersHelpWithItsOptionsAndExamples(String command) {
        int exit = execute((command + " --help").split(" "));
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: driftwatch " + command).contains("Examples:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "chaos", "bench", "bench decode", "bench stream", "bench latency"})
    void everyCommandsHelpListsItsExitCodesFromTheOneTable(String command) {
        int exit = execute((command + " --help").split(" "));

        assertThat(exit).isZero();
        Map<String, String> codes = ExitCode.lines("driftwatch " + command);
        assertThat(codes).containsKeys("0", "2", "3");
        String help = oneLine(out.toString());
        assertThat(help).contains("Exit codes (when several apply, 2 and 3 win, then 4, then 1):");
        codes.forEach((code, meaning) -> assertThat(help).contains(code + " " + oneLine(meaning)));
        assertThat(help).doesNotContain("Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bench reports --help", "bench reports"})
    void anUnknownBenchmarkExitsTwoEvenWithHelp(String command) {
        int exit = execute(command.split(" "));

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("reports");
        assertThat(out.toString()).doesNotContain("Usage: driftwatch [");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void theTopCommandListsEverySubcommand(String help) {
        int exit = execute(help);
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("check", "baseline", "run", "alerts", "triggers", "produce", "bench", "chaos", "demo");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
