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
 * failure outside driftwatch (records a broker did not acknowledge), 2 bad input or usage, 3 an internal failure.
 */
@Command(name = "driftwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Watches machine-learning models in production: drift, schema skew and quality, from Kafka.", ""},
        subcommands = {CheckCommand.class, BaselineCommand.class, RunCommand.class, AlertsCommand.class, TriggersCommand.class,
                ProduceCommand.class, BenchCommand.class, ChaosCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'driftwatch COMMAND --help' for a command's options and examples.",
                "Exit codes: 0 ok; 1 drift found (check), expected result missing (demo), a failed check (chaos) or records not acknowledged",
                "(produce); 2 bad input; 3 Kafka did not take the baseline (baseline) or an internal error."})
public final class DriftwatchCommand implements Runnable {
    /** Exit code for bad input or usage, as picocli uses for usage errors. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure that is not the user's input: Kafka unreachable, or driftwatch's own fault. */
    public static final int EXIT_INTERNAL_ERROR = 3;

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
            cmd.getErr().println("driftwatch: internal error: " + exception);
            exception.printStackTrace(cmd.getErr());
            return EXIT_INTERNAL_ERROR;
        });
        return commandLine;
    }
}
