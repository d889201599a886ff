package io.driftwatch.app;

import picocli.CommandLine;

/** Entry point of the shaded jar: runs {@link DriftwatchCommand} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DriftwatchCommand.commandLine().execute(args));
    }
}
