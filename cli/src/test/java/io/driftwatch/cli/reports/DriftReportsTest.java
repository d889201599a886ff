package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.schemas.record.TestResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void aReportWithoutMultivariateDriftOrRankingHasBothNullInJsonAndADashInTheTable() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.drift("credit", 0))));

        assertThat(line.get("multivariate").isNull()).isTrue();
        assertThat(line.get("feature_ranking").isNull()).isTrue();
        List<String> row = kind.rows(ReportRecords.drift("credit", 0)).get(0);
        assertThat(row.get(5)).isEqualTo("-");
        assertThat(row.get(6)).isEqualTo("income psi 0.4120 (threshold 0.2000)");
        assertThat(row.get(8)).isEqualTo("-");
    }

    @Test
    void theJsonCarriesTheMultivariateDriftAndTheFeatureRankingUnderStableKeys() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(ReportRecords.ranked("credit", 1))));

        JsonNode multivariate = line.get("multivariate");
        assertThat(multivariate.get("method").asText()).isEqualTo("pca_reconstruction_error");
        assertThat(multivariate.get("features")).extracting(JsonNode::asText).containsExactly("income", "age");
        assertThat(multivariate.get("rows").asLong()).isEqualTo(500);
        assertThat(multivariate.get("rows_of_earlier_fits").asLong()).isZero();
        assertThat(multivariate.get("value").asDouble()).isEqualTo(1.0214);
        assertThat(multivariate.get("sampling_error").asDouble()).isEqualTo(0.0234);
        assertThat(multivariate.get("lower").asDouble()).isEqualTo(0.9512);
        assertThat(multivariate.get("upper").asDouble()).isEqualTo(1.0916);
        assertThat(multivariate.get("threshold_lower").asDouble()).isEqualTo(0.4102);
        assertThat(multivariate.get("threshold_upper").asDouble()).isEqualTo(0.531);
        assertThat(multivariate.get("alert").asBoolean()).isTrue();
        JsonNode ranking = line.get("feature_ranking");
        assertThat(ranking.get("method").asText()).isEqualTo("alert_count");
        assertThat(ranking.get("windows").asInt()).isEqualTo(10);
        assertThat(ranking.get("metric").isNull()).isTrue();
        assertThat(ranking.get("performance").isNull()).isTrue();
        JsonNode first = ranking.get("features").get(0);
        assertThat(first.get("feature").asText()).isEqualTo("income");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("alerts").asInt()).isEqualTo(4);
        assertThat(first.get("correlation").isNull()).isTrue();
        assertThat(first.get("p_value").isNull()).isTrue();
        assertThat(ranking.get("features").get(1).get("feature").asText()).isEqualTo("age");
    }

    @Test
    void theTableShowsTheMultivariateDriftItsThresholdsAndAlertAndTheTopRankedFeatures() {
        List<String> row = kind.rows(ReportRecords.ranked("credit", 1)).get(0);

        assertThat(kind.header().get(5)).isEqualTo("multivariate");
        assertThat(row.get(5)).isEqualTo("1.0214 (0.9512–1.0916), thresholds 0.4102–0.5310  ALERT");
        assertThat(row.get(6)).isEqualTo("#1 income psi 0.4120 (threshold 0.2000)");
        assertThat(kind.header().get(8)).isEqualTo("feature ranking");
        assertThat(row.get(8)).isEqualTo("alert_count over 10 windows: #1 income (4 alerts), #2 age (1 alert)");
    }

    @Test
    void driftedFeaturesAreListedInRankOrderWithTheirRanks() {
        DriftReport report = ReportRecords.ranked("credit", 1);
        ColumnDrift income = report.getColumns().get(0);
        TestResult wasserstein = TestResult.newBuilder(income.getTests().get(0)).setTest("wasserstein").setStatistic(0.2).build();
        ColumnDrift age = ColumnDrift.newBuilder(report.getColumns().get(1)).setVerdict(DriftVerdict.DRIFT)
                .setTests(List.of(wasserstein)).build();
        FeatureRanking ageFirst = FeatureRanking.newBuilder(report.getFeatureRanking())
                .setFeatures(List.of(new RankedFeature("age", 1, 5, null, null), new RankedFeature("income", 2, 4, null, null))).build();
        report.setColumns(List.of(income, age));
        report.setFeatureRanking(ageFirst);

        assertThat(kind.rows(report).get(0).get(6))
                .isEqualTo("#1 age wasserstein 0.2000 (threshold 0.2000); #2 income psi 0.4120 (threshold 0.2000)");
    }

    @Test
    void aRankingByCorrelationNamesThePerformanceItCorrelatesWithAndEachFeaturesR() {
        List<RankedFeature> features = new ArrayList<>();
        features.add(new RankedFeature("income", 1, 4, 0.8123, 0.0042));
        features.add(new RankedFeature("age", 2, 1, -0.2, 0.57));
        features.add(new RankedFeature("tenure", 3, 0, null, null));
        features.add(new RankedFeature("debt", 4, 0, 0.01, 0.98));
        FeatureRanking correlation = FeatureRanking.newBuilder().setMethod("correlation").setWindows(10).setMetric("accuracy")
                .setPerformance("estimated").setFeatures(features).build();

        assertThat(RankingCell.of(correlation)).isEqualTo("correlation with estimated accuracy over 10 windows: "
                + "#1 income (r 0.8123, p 0.0042), #2 age (r -0.2000, p 0.5700), #3 tenure (r undefined), 1 more");
    }

    @Test
    void theWindowsPageShowsTheMultivariateDriftAlertingAndEveryRankedFeature() {
        String html = DriftReportSections.html(ReportRecords.ranked("credit", 1));

        assertThat(html).contains("<h2>Multivariate drift (PCA reconstruction error)</h2>")
                .contains("<td>thresholds</td><td></td><td>[0.4102, 0.5310]</td>")
                .contains("<td>this window</td><td>500</td><td>1.0214</td><td>0.0234</td><td>[0.9512, 1.0916]</td>"
                        + "<td class=\"warn\">reconstruction_error</td>")
                .contains("<h2>Feature ranking</h2>").contains("alert_count over 10 windows; alerts and emails list")
                .contains("<tr><td>1</td><td>income</td><td>4</td><td>-</td><td>-</td></tr>")
                .contains("<tr><td>2</td><td>age</td><td>1</td><td>-</td><td>-</td></tr>");
        assertThat(DriftReportSections.html(ReportRecords.drift("credit", 0))).isEmpty();
    }
}
