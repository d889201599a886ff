package io.driftwatch.tools;

import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.tools.bench.BenchCommand;
import io.driftwatch.tools.chaos.ChaosCommand;
import picocli.CommandLine;

/**
 * Entry point of the developers' jar ({@code tools/target/driftwatch-tools.jar}, what {@code ./driftwatch} runs):
 * the production command line plus {@code bench}, {@code chaos} and {@code demo}, which need an embedded broker
 * and an SMTP catcher that the production jar does not ship.
 */
public final class ToolsMain {
    private ToolsMain() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        int exitCode = DriftwatchCommand.execute(commandLine, args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** {@link DriftwatchCommand#commandLine()} with the tools' commands, listed before {@code help} as before the split. */
    public static CommandLine commandLine() {
        CommandLine commandLine = DriftwatchCommand.commandLine();
        CommandLine help = commandLine.getSubcommands().get("help");
        commandLine.getCommandSpec().removeSubcommand("help");
        for (Object tool : new Object[] {new BenchCommand(), new ChaosCommand(), new DemoCommand()}) {
            CommandLine toolLine = new CommandLine(tool);
            commandLine.addSubcommand(toolLine);
            ExitCode.document(toolLine);
        }
        commandLine.addSubcommand(help);
        return commandLine;
    }
}
