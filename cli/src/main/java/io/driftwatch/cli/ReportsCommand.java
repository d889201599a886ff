package io.driftwatch.cli;

import io.driftwatch.cli.reports.ReportsDeadLettersCommand;
import io.driftwatch.cli.reports.ReportsDriftCommand;
import io.driftwatch.cli.reports.ReportsProfilesCommand;
import io.driftwatch.cli.reports.ReportsQualityCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code driftwatch reports}: reads what the service writes besides triggers (drift reports, quality reports, window
 * profiles, dead letters) without a consumer of one's own (docs/reports.md). It only lists its subcommands.
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
        description = {"Print the drift reports, quality reports, window profiles or dead letters on their topics"
                + " (docs/reports.md).", ""},
        subcommands = {ReportsDriftCommand.class, ReportsQualityCommand.class, ReportsProfilesCommand.class,
                ReportsDeadLettersCommand.class})
public final class ReportsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
