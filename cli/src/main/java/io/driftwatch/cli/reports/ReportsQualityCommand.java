package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.QualityReport;
import picocli.CommandLine.Command;

/**
 * {@code driftwatch reports quality}: the quality reports the service writes as labels arrive, the latest per window in the table (every update in JSON).
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Print quality reports: a row per window with its metrics (the latest update), or every update as JSON lines.", ""},
        footer = {"", "Examples:",
                "  driftwatch reports quality --config driftwatch.properties",
                "  driftwatch reports quality --config driftwatch.properties --format json",
                "  driftwatch reports quality --config run.properties --model credit --since 7d",
                "  driftwatch reports quality --bootstrap-servers localhost:9092 --follow",
                "", "Reads committed records only. Without --follow it prints what is on the topic and exits; with it,"
                + " Ctrl-C stops it cleanly. docs/reports.md lists the JSON keys."})
public final class ReportsQualityCommand extends TopicReportCommand<QualityReport> {
    public ReportsQualityCommand() {
        this(ShutdownHooks.RUNTIME);
    }

    ReportsQualityCommand(ShutdownHooks hooks) {
        super(new QualityReports(), "quality reports", hooks);
    }
}
