package io.driftwatch.cli.reports;

/** How {@code reports} prints: an aligned table for a person, or one JSON object per line for a script. */
enum ReportFormat {
    TABLE, JSON
}
