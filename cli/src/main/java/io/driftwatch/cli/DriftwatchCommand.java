package io.driftwatch.cli;

import io.driftwatch.cli.baseline.PublishException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code driftwatch} command: it only lists the subcommands, each its own class. Exit codes
 * are shared by all and listed in {@link ExitCode}, which also puts them into every command's help.
 */
@Command(name = "driftwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Watches machine-learning models in production: drift, schema skew and quality, from Kafka.", ""},
        subcommands = {CheckCommand.class, BaselineCommand.class, RunCommand.class, AlertsCommand.class, TriggersCommand.class,
                AnalyzeCommand.class, ProduceCommand.class, PolicyCommand.class, ReportsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'driftwatch COMMAND --help' for a command's options, examples and exit codes."})
public final class DriftwatchCommand implements Runnable {
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
        ExitCode.document(commandLine);
        commandLine.setExecutionStrategy(DriftwatchCommand::executeMatched);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof BadInputException) {
                cmd.getErr().println("driftwatch: " + exception.getMessage());
                return ExitCode.BAD_INPUT;
            }
            if (exception instanceof PublishException) {
                // Kafka's fault or the network's, not ours: the message says what to check, a stack trace would not.
                cmd.getErr().println("driftwatch: " + exception.getMessage());
                return ExitCode.FAILURE;
            }
            return internalError(cmd, exception);
        });
        return commandLine;
    }

    /**
     * Runs the matched command, unless an argument matched nothing: picocli then ignores an unknown command when
     * {@code --help} is also given (printing the top help, exit 0), which would let a script's typo pass.
     */
    private static int executeMatched(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
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
                return ExitCode.FAILURE;
            }
        }
        commandLine.getErr().println("driftwatch: internal error: " + error + "; this is a bug in driftwatch: please"
                + " report it with the stack trace (" + STACK_TRACE_ENV + "=1 prints it)");
        String trace = System.getenv(STACK_TRACE_ENV);
        if ("1".equals(trace) || "true".equalsIgnoreCase(trace)) {
            error.printStackTrace(commandLine.getErr());
        }
        return ExitCode.FAILURE;
    }
}
