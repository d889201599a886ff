package io.driftwatch.cli;

import picocli.CommandLine;

/** Entry point of the shaded jar: runs {@link DriftwatchCommand} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = DriftwatchCommand.commandLine();
        int exitCode = DriftwatchCommand.execute(commandLine, args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
