package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.QualityReport;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reports quality} on reports that carry a performance estimate made before labels, and on reports that do not. */
class QualityReportsEstimateTest {
    private final QualityReports kind = new QualityReports();

    private String print(ReportFormat format, QualityReport... reports) {
        StringWriter text = new StringWriter();
        ReportPrinter<QualityReport> printer = new ReportPrinter<>(kind, format, false, new PrintWriter(text));
        for (QualityReport report : reports) {
            printer.print(report);
        }
        printer.finish("driftwatch.quality-reports");
        return text.toString();
    }

    /** A table line as AlignedTable pads it: each column two spaces past its widest cell, trailing blanks cut. */
    private static String line(String start, String model, String version, String counts, String state, String metrics) {
        return String.format(Locale.ROOT, "%-22s%-8s%-9s%-22s%-19s%s", start, model, version, counts, state, metrics).stripTrailing();
    }

    @Test
    void theTableShowsEachEstimatedMetricWithItsBandThresholdsRealizedAndAlertUnderItsWindow() {
        String table = print(ReportFormat.TABLE, ReportRecords.estimated(0, true), ReportRecords.quality(1, true, 0.91, 300));

        assertThat(table.lines().toList()).containsExactly(
                line("window start", "model", "version", "labelled/predictions", "final", "metrics"),
                line("2026-12-07T10:00:00Z", "credit", "v7", "0/400", "not final", "-"),
                line("", "", "", "300 estimated", "estimate complete",
                        "estimated accuracy 0.5519 (0.4775–0.6263), thresholds 0.7071–0.8000, realized -  ALERT"),
                line("", "", "", "", "", "estimated f1 0.6000 (0.5100–0.6900), no thresholds, realized 0.5500"),
                line("2026-12-07T11:00:00Z", "credit", "v7", "300/400", "final", "accuracy 0.9100, f1 0.8000"));
    }

    @Test
    void anEstimateStillOpenToPredictionsSaysSo() {
        List<String> lines = print(ReportFormat.TABLE, ReportRecords.estimated(0, false)).lines().toList();

        assertThat(lines.get(2)).contains("300 estimated", "estimate pending");
    }

    @Test
    void aReportWithoutAnEstimatePrintsAsItAlwaysDid() throws Exception {
        String table = print(ReportFormat.TABLE, ReportRecords.quality(0, true, 0.91, 300));
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.quality(0, true, 0.91, 300))));

        assertThat(table.lines().toList()).containsExactly(
                "window start          model   version  labelled/predictions  final  metrics",
                "2026-12-07T10:00:00Z  credit  v7       300/400               final  accuracy 0.9100, f1 0.8000");
        assertThat(line.has("estimated")).isFalse();
    }

    @Test
    void theJsonCarriesTheEstimateInSnakeCaseWithEachMetricsBandThresholdsAlertAndRealized() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.estimated(0, true))));

        JsonNode estimated = line.get("estimated");
        assertThat(estimated.get("baseline_id").asText()).isEqualTo("credit/v7/0123456789abcdef");
        assertThat(estimated.get("positive_class").asText()).isEqualTo("1");
        assertThat(estimated.get("complete").asBoolean()).isTrue();
        assertThat(estimated.get("predictions").asLong()).isEqualTo(300);
        assertThat(estimated.get("not_estimated").asLong()).isEqualTo(100);
        assertThat(estimated.get("expected_true_positives").asDouble()).isEqualTo(120.5);
        assertThat(estimated.get("expected_true_negatives").asDouble()).isEqualTo(45);
        assertThat(estimated.get("metrics").fieldNames()).toIterable().containsExactly("accuracy", "f1");
        JsonNode accuracy = estimated.get("metrics").get("accuracy");
        assertThat(accuracy.get("value").asDouble()).isEqualTo(0.5519);
        assertThat(accuracy.get("sampling_error").asDouble()).isEqualTo(0.0248);
        assertThat(accuracy.get("lower").asDouble()).isEqualTo(0.4775);
        assertThat(accuracy.get("upper").asDouble()).isEqualTo(0.6263);
        assertThat(accuracy.get("threshold_lower").asDouble()).isEqualTo(0.7071);
        assertThat(accuracy.get("threshold_upper").asDouble()).isEqualTo(0.8);
        assertThat(accuracy.get("alert").asBoolean()).isTrue();
        assertThat(accuracy.get("realized").isNull()).as("no label yet").isTrue();
        JsonNode f1 = estimated.get("metrics").get("f1");
        assertThat(f1.get("threshold_lower").isNull()).isTrue();
        assertThat(f1.get("error_bound").asDouble()).isEqualTo(0.001);
        assertThat(f1.get("realized").asDouble()).isEqualTo(0.55);
        assertThat(f1.get("alert").asBoolean()).isFalse();
    }
}
