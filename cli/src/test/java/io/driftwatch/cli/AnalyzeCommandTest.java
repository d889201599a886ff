package io.driftwatch.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code analyze}'s usage errors, refused with one line before any broker is asked. */
class AnalyzeCommandTest {
    private static final String SPAN = "analyze --bootstrap-servers 127.0.0.1:1 --model credit --model-version 7 --from 2026-11-01";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--to yesterday-ish | --to yesterday-ish: give an ISO-8601 instant",
            "--to 2026-10-01 | --from/--to: the span 2026-11-01T00:00:00Z to 2026-10-01T00:00:00Z is empty",
            "--to now --against-from 60d | a reference span needs both --against-from T and --against-to T",
            "--to now --against baseline --against-from 60d --against-to 30d | --against baseline and --against-from/--against-to"
                    + " both choose the reference"})
    void aBadSpanExitsTwoWithOneLineSayingWhatToGive(String options, String message) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute((SPAN + " " + options).split(" "));

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: " + message);
    }
}
