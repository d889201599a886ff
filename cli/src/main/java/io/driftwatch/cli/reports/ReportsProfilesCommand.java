package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.WindowProfile;
import picocli.CommandLine.Command;

/**
 * {@code driftwatch reports profiles}: the per-window, per-feature profiles the service writes, with counts and a summary decoded from the profile, never the sketch bytes.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"Print window profiles: a row per window and feature with counts and a summary, or JSON lines.", ""},
        footer = {"", "Examples:",
                "  driftwatch reports profiles --config driftwatch.properties",
                "  driftwatch reports profiles --config driftwatch.properties --format json",
                "  driftwatch reports profiles --config run.properties --model credit --since 6h",
                "  driftwatch reports profiles --bootstrap-servers localhost:9092 --follow",
                "", "Reads committed records only. Without --follow it prints what is on the topic and exits; with it,"
                + " Ctrl-C stops it cleanly. docs/reports.md lists the JSON keys."})
public final class ReportsProfilesCommand extends TopicReportCommand<WindowProfile> {
    public ReportsProfilesCommand() {
        this(ShutdownHooks.RUNTIME);
    }

    ReportsProfilesCommand(ShutdownHooks hooks) {
        super(new WindowProfiles(), "window profiles", hooks);
    }
}
