package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.QualityReport;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class QualityReportsTest {
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

    @Test
    void aQualityReportAsJsonHoldsItsMetricsCountsAndFinality() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.quality(0, true, 0.91, 300))));

        assertThat(line.get("model").asText()).isEqualTo("credit");
        assertThat(line.get("window_start").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(line.get("is_final").asBoolean()).isTrue();
        assertThat(line.get("labelled").asLong()).isEqualTo(300);
        assertThat(line.get("predictions").asLong()).isEqualTo(400);
        assertThat(line.get("label_coverage").asDouble()).isEqualTo(0.75);
        assertThat(line.get("metrics").get("accuracy").asDouble()).isEqualTo(0.91);
        assertThat(line.get("policy_id").isNull()).isTrue();
        assertThat(line.get("binary").isNull()).as("no positive-class confusion matrix in this report").isTrue();
    }

    @Test
    void theTableKeepsTheLatestReportOfAWindowInThePlaceTheWindowFirstAppeared() {
        String table = print(ReportFormat.TABLE, ReportRecords.quality(0, false, 0.70, 100),
                ReportRecords.quality(1, false, 0.80, 50), ReportRecords.quality(0, true, 0.91, 300));

        String[] lines = table.lines().toArray(String[]::new);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("labelled/predictions", "final", "metrics");
        assertThat(lines[1]).startsWith("2026-12-07T10:00:00Z").contains("300/400", "final", "accuracy 0.9100, f1 0.8000")
                .doesNotContain("not final");
        assertThat(lines[2]).startsWith("2026-12-07T11:00:00Z").contains("50/400", "not final", "accuracy 0.8000");
    }

    @Test
    void jsonPrintsEveryUpdateOfAWindow() {
        String json = print(ReportFormat.JSON, ReportRecords.quality(0, false, 0.70, 100), ReportRecords.quality(0, true, 0.91, 300));

        assertThat(json.lines().toList()).hasSize(2);
        assertThat(json.lines().toList().get(0)).contains("\"is_final\":false");
        assertThat(json.lines().toList().get(1)).contains("\"is_final\":true");
    }

    @Test
    void anEmptyTableSaysNothingMatched() {
        assertThat(print(ReportFormat.TABLE)).isEqualTo("no records on driftwatch.quality-reports match\n");
    }
}
