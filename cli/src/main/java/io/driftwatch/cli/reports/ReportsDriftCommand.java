package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.topology.config.DriftwatchConfig;
import picocli.CommandLine.Command;


/**
 * {@code driftwatch reports drift}: the drift reports the service writes per model version and window, a row per window with its verdict and the features that drifted, or every field as JSON lines.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Print drift reports: a row per window with its verdict, multivariate drift, drifted features and",
                "feature ranking, JSON lines, or one window as an HTML page with a chart per column (--format html: the",
                "latest matching window).", ""},
        footer = {"", "Examples:",
                "  driftwatch reports drift --config driftwatch.properties",
                "  driftwatch reports drift --config driftwatch.properties --format json",
                "  driftwatch reports drift --config run.properties --model credit --since 24h",
                "  driftwatch reports drift --bootstrap-servers localhost:9092 --follow",
                "  driftwatch reports drift --config run.properties --model credit --model-version 3 --format html --output credit.html",
                "", "Reads committed records only. Without --follow it prints what is on the topic and exits; with it,"
                + " Ctrl-C stops it cleanly. docs/reports.md lists the JSON keys."})
public final class ReportsDriftCommand extends TopicReportCommand<DriftReport> {
    public ReportsDriftCommand() {
        this(ShutdownHooks.RUNTIME);
    }

    ReportsDriftCommand(ShutdownHooks hooks) {
        super(new DriftReports(), "drift reports", hooks);
    }

    @Override
    String page(LatestMatch<DriftReport> matching, String topicName, DriftwatchConfig config) throws BadInputException {
        return DriftReportPage.render(matching, topicName, config);
    }

    @Override
    boolean drawsPages() {
        return true;
    }
}
