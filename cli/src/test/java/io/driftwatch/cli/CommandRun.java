package io.driftwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driftwatch command run in-process as a user types it, for the integration tests that chain commands
 * ({@code baseline}, {@code produce}, {@code check} ...): its standard output, once its exit code is one the
 * test expects; otherwise the test fails with the command line and what the command printed on standard error.
 */
public final class CommandRun {
    private CommandRun() {
    }

    /** Runs {@code args} and returns its output; the exit code must be 0. */
    public static String succeed(String... args) {
        return expecting(new int[]{ExitCode.OK}, args);
    }

    /** Runs {@code args} and returns its output; the exit code must be one of {@code exits}. */
    public static String expecting(int[] exits, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + err).isIn((Object[]) Arrays.stream(exits).boxed().toArray(Integer[]::new));
        return out.toString();
    }
}
