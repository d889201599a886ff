package io.driftwatch.cli.reports;

/**
 * How {@code reports} prints: an aligned table for a person, one JSON object per line for a script, or one drift
 * report as a page.
 */
enum ReportFormat {
    TABLE, JSON, HTML
}
