package io.driftwatch.app;

import io.driftwatch.app.baseline.PublishException;
import io.driftwatch.app.bench.BenchCommand;
import io.driftwatch.app.chaos.ChaosCommand;
import io.driftwatch.app.tabular.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code driftwatch} command: it only lists the subcommands, each its own class. Exit codes
 * are shared by all: 0 success, 1 the condition the command looks for (drift, a missing trigger) or a
 * failure outside driftwatch (records a broker did not acknowledge), 2 bad input or usage, 3 an internal
 * failure, 4 data that cannot be judged fairly. When several apply, 2 and 3 win, then 4, then 1.
 */
@Command(name = "driftwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Watches machine-learning models in production: drift, schema skew and quality, from Kafka.", ""},
        subcommands = {CheckCommand.class, BaselineCommand.class, RunCommand.class, AlertsCommand.class, TriggersCommand.class,
                ProduceCommand.class, BenchCommand.class, ChaosCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'driftwatch COMMAND --help' for a command's options and examples.",
                "Exit codes: 0 ok; 1 drift found (check), expected result missing (demo), a failed check (chaos) or records not acknowledged",
                "(produce); 2 bad input; 3 Kafka did not take the baseline (baseline) or an internal error; 4 the data cannot be",
                "judged fairly (check: a schema error such as a missing column, no column compared, or too few rows)."})
public final class DriftwatchCommand implements Runnable {
    /** Exit code for success: for {@code check}, data judged and no dataset drift. */
    public static final int EXIT_OK = 0;
    /** Exit code for the condition the command looks for: dataset drift, for {@code check}. */
    public static final int EXIT_DRIFT = 1;
    /** Exit code for bad input or usage, as picocli uses for usage errors. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure that is not the user's input: Kafka unreachable, or driftwatch's own fault. */
    public static final int EXIT_INTERNAL_ERROR = 3;
    /** Exit code for data that cannot be judged fairly: a schema error, nothing compared, too few rows. */
    public static final int EXIT_NOT_JUDGED = 4;
    /** Set to {@code 1} (or {@code true}) to have an internal error print its stack trace after its one line. */
    public static final String STACK_TRACE_ENV = "DRIFTWATCH_STACK_TRACE";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, shared by {@link Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DriftwatchCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof BadInputException) {
                cmd.getErr().println("driftwatch: " + exception.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (exception instanceof PublishException) {
                // Kafka's fault or the network's, not ours: the message says what to check, a stack trace would not.
                cmd.getErr().println("driftwatch: " + exception.getMessage());
                return EXIT_INTERNAL_ERROR;
            }
            return internalError(cmd, exception);
        });
        return commandLine;
    }

    /**
     * Runs {@code commandLine} on {@code args} and returns its exit code, with an {@link Error} (out of memory,
     * a stack overflow) reported as an internal error too: picocli hands only {@link Exception}s to its handler,
     * and an {@code Error} escaping it would exit 1, the code for drift.
     */
    public static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            return internalError(commandLine, e);
        }
    }

    /** One line for a failure of driftwatch's own (an out-of-memory one says how to give it more), exit 3. */
    private static int internalError(CommandLine commandLine, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                commandLine.getErr().println("driftwatch: out of memory (" + cause.getMessage() + "); give the JVM a"
                        + " larger heap, e.g. DRIFTWATCH_JAVA_OPTS=-Xmx4g ./driftwatch ..., or java -Xmx4g -jar driftwatch.jar ...");
                return EXIT_INTERNAL_ERROR;
            }
        }
        commandLine.getErr().println("driftwatch: internal error: " + error + "; this is a bug in driftwatch: please"
                + " report it with the stack trace (" + STACK_TRACE_ENV + "=1 prints it)");
        String trace = System.getenv(STACK_TRACE_ENV);
        if ("1".equals(trace) || "true".equalsIgnoreCase(trace)) {
            error.printStackTrace(commandLine.getErr());
        }
        return EXIT_INTERNAL_ERROR;
    }
}
