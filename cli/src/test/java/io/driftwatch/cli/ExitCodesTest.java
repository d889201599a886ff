package io.driftwatch.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    private final StringWriter err = new StringWriter();

    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        private final Throwable failure;

        Fails(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    private int execute(Throwable failure) {
        CommandLine commandLine = new CommandLine(new Fails(failure)).setErr(new PrintWriter(err, true));
        return DriftwatchCommand.execute(commandLine);
    }

    @Test
    void anOutOfMemoryErrorExitsThreeWithOneLineSayingHowToGiveMoreHeapNotOneTheCodeForDrift() {
        int exit = execute(new OutOfMemoryError("Java heap space"));
        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("driftwatch: out of memory (Java heap space); give the JVM a larger heap")
                .contains("DRIFTWATCH_JAVA_OPTS=-Xmx4g");
    }

    @Test
    void anyOtherErrorExitsThreeWithOneLineAndNoStackTrace() {
        int exit = execute(new StackOverflowError());
        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: internal error: java.lang.StackOverflowError")
                .doesNotContain("\tat ");
    }

    @Test
    void anExceptionCarryingAnOutOfMemoryErrorFromAnotherThreadIsReportedAsOutOfMemory() {
        CommandLine commandLine = DriftwatchCommand.commandLine()
                .addSubcommand("fails", new Fails(new CompletionException(new OutOfMemoryError("Java heap space"))))
                .setErr(new PrintWriter(err, true));
        int exit = DriftwatchCommand.execute(commandLine, "fails");
        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1).startsWith("driftwatch: out of memory (Java heap space)");
    }

    @Test
    void anInternalExceptionExitsThreeWithOneLine() {
        CommandLine commandLine = DriftwatchCommand.commandLine()
                .addSubcommand("fails", new Fails(new IllegalStateException("a bug")))
                .setErr(new PrintWriter(err, true));
        int exit = DriftwatchCommand.execute(commandLine, "fails");
        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("driftwatch: internal error: java.lang.IllegalStateException: a bug; this is a bug in driftwatch");
    }
}
