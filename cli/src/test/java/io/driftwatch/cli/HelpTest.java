package io.driftwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "baseline", "run", "alerts", "triggers", "analyze", "produce", "policy validate", "policy show",
            "reports drift", "reports quality", "reports profiles", "reports dead-letters"})
    void everyCommandAnswersHelpWithItsOptionsAndExamples(String command) {
        int exit = execute((command + " --help").split(" "));
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: driftwatch " + command).contains("Examples:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "baseline", "run", "alerts", "triggers", "analyze", "produce", "policy", "policy validate",
            "policy show", "reports", "reports drift", "reports dead-letters"})
    void everyCommandsHelpListsItsExitCodesFromTheOneTable(String command) {
        int exit = execute((command + " --help").trim().split(" "));

        assertThat(exit).isZero();
        Map<String, String> codes = ExitCode.lines(("driftwatch " + command).trim());
        assertThat(codes).containsKeys("0", "2", "3");
        String help = oneLine(out.toString());
        assertThat(help).contains("Exit codes (when several apply, 2 and 3 win, then 4, then 1):");
        codes.forEach((code, meaning) -> assertThat(help).contains(code + " " + oneLine(meaning)));
        assertThat(help).doesNotContain("Exit codes:");
    }

    @Test
    void theTopHelpListsEveryExitCodeOnce() {
        execute("--help");

        String help = oneLine(out.toString());
        assertThat(ExitCode.lines("driftwatch")).containsOnlyKeys("0", "1", "2", "3", "4");
        assertThat(help).contains("4 the data cannot be judged fairly (check)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reprots --help", "reprots", "help reprots"})
    void anUnknownCommandExitsTwoEvenWithHelp(String command) {
        int exit = execute(command.split(" "));

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("reprots");
        assertThat(out.toString()).doesNotContain("Usage: driftwatch [");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void theTopCommandListsEverySubcommand(String help) {
        int exit = execute(help);
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("check", "baseline", "run", "alerts", "triggers", "produce", "policy");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
