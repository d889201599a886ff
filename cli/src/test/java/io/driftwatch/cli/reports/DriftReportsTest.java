package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class DriftReportsTest {
    private final DriftReports kind = new DriftReports();

    @Test
    void aDriftReportAsJsonHoldsTheWindowVerdictColumnsTestsAndFindingsUnderStableKeys() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.drift("credit", 0))));

        assertThat(line.get("model").asText()).isEqualTo("credit");
        assertThat(line.get("version").asText()).isEqualTo("v7");
        assertThat(line.get("window_start").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(line.get("window_end").asText()).isEqualTo("2026-12-07T11:00:00Z");
        assertThat(line.get("records").asLong()).isEqualTo(500);
        assertThat(line.get("verdict_withheld").isNull()).isTrue();
        assertThat(line.get("dataset_drift").asBoolean()).isTrue();
        assertThat(line.get("drift_share").asDouble()).isEqualTo(0.5);
        assertThat(line.get("drift_share_threshold").asDouble()).isEqualTo(0.5);
        assertThat(line.get("policy_id").asText()).isEqualTo("3f9a2c41b7de");
        JsonNode income = line.get("columns").get(0);
        assertThat(income.get("feature").asText()).isEqualTo("income");
        assertThat(income.get("type").asText()).isEqualTo("NUMERIC");
        assertThat(income.get("verdict").asText()).isEqualTo("DRIFT");
        JsonNode psi = income.get("tests").get(0);
        assertThat(psi.get("test").asText()).isEqualTo("psi");
        assertThat(psi.get("statistic").asDouble()).isEqualTo(0.412);
        assertThat(psi.get("p_value").isNull()).isTrue();
        assertThat(psi.get("method").asText()).isEqualTo("EXACT");
        assertThat(psi.get("threshold").asDouble()).isEqualTo(0.2);
        assertThat(psi.get("bound").isNull()).isTrue();
        assertThat(line.get("columns").get(1).get("tests").get(0).get("p_value").asDouble()).isEqualTo(0.61);
        JsonNode finding = line.get("schema_findings").get(0);
        assertThat(finding.get("feature").asText()).isEqualTo("country");
        assertThat(finding.get("kind").asText()).isEqualTo("UNSEEN_CATEGORY");
        assertThat(finding.get("severity").asText()).isEqualTo("WARNING");
    }

    @Test
    void theTableShowsARowPerWindowWithTheDriftedFeatureItsDecidingTestAndTheFindingKinds() {
        StringWriter text = new StringWriter();
        ReportPrinter<io.driftwatch.schemas.record.DriftReport> printer =
                new ReportPrinter<>(kind, ReportFormat.TABLE, false, new PrintWriter(text));
        printer.print(ReportRecords.drift("credit", 0));
        printer.print(ReportRecords.drift("credit", 1));
        printer.finish("driftwatch.drift-reports");

        String[] lines = text.toString().lines().toArray(String[]::new);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("window start").contains("version", "records", "verdict", "drifted features",
                "schema findings");
        assertThat(lines[1]).startsWith("2026-12-07T10:00:00Z").contains("credit", "v7", "500", "DRIFT",
                "income psi 0.4120 (threshold 0.2000)", "1 (UNSEEN_CATEGORY)").doesNotContain("age");
        assertThat(lines[2]).startsWith("2026-12-07T11:00:00Z");
        assertThat(lines[1].indexOf("DRIFT")).isEqualTo(lines[0].indexOf("verdict"));
    }

    @Test
    void aWithheldVerdictReadsWithheldNotNo() {
        var report = ReportRecords.drift("credit", 0);
        report.setVerdictWithheld("fewer than 200 records");
        report.setDatasetDrift(false);

        assertThat(kind.rows(report).get(0).get(4)).isEqualTo("withheld");
    }
}
