package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.DeadLetter;
import picocli.CommandLine.Command;

/**
 * {@code driftwatch reports dead-letters}: the records the service could not read, why, where from, and a terminal-safe preview of their bytes.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Print dead letters: reason, source topic, partition and offset, and a safe preview of the bytes.", ""},
        footer = {"", "Examples:",
                "  driftwatch reports dead-letters --config driftwatch.properties",
                "  driftwatch reports dead-letters --config driftwatch.properties --format json",
                "  driftwatch reports dead-letters --config run.properties --since 7d",
                "  driftwatch reports dead-letters --bootstrap-servers localhost:9092 --follow",
                "", "Reads committed records only. Without --follow it prints what is on the topic and exits; with it,"
                + " Ctrl-C stops it cleanly. docs/reports.md lists the JSON keys."})
public final class ReportsDeadLettersCommand extends TopicReportCommand<DeadLetter> {
    public ReportsDeadLettersCommand() {
        this(ShutdownHooks.RUNTIME);
    }

    ReportsDeadLettersCommand(ShutdownHooks hooks) {
        super(new DeadLetters(), "dead letters", hooks);
    }
}
