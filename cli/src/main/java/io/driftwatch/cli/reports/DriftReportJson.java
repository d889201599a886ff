package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.schemas.record.ResultBound;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.TestResult;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A drift report as one JSON object for a script: every field a reader needs, in the snake_case keys docs/reports.md
 * documents, times in ISO-8601 UTC, {@code null} for what is absent (a p-value a test does not have, a bound an exact
 * test does not need, a window without multivariate drift or feature ranking).
 */
final class DriftReportJson {
    private DriftReportJson() {
    }

    static ObjectNode node(DriftReport report) {
        ObjectNode root = ReportJson.object();
        root.put("report_id", report.getReportId()).put("model", report.getModelName())
                .put("version", report.getModelVersion())
                .put("window_start", report.getWindowStart().toString()).put("window_end", report.getWindowEnd().toString())
                .put("comparison", report.getComparison().name()).put("baseline_id", report.getBaselineId())
                .put("records", report.getRecords()).put("verdict_withheld", report.getVerdictWithheld())
                .put("dataset_drift", report.getDatasetDrift())
                .put("dataset_columns", report.getDatasetColumns()).put("drifted_columns", report.getDriftedColumns())
                .put("inconclusive_columns", report.getInconclusiveColumns())
                .put("drift_share", report.getDriftShare()).put("drift_share_threshold", report.getDriftShareThreshold())
                .put("policy_id", report.getPolicyId());
        ArrayNode columns = root.putArray("columns");
        for (ColumnDrift column : report.getColumns()) {
            ObjectNode node = columns.addObject().put("feature", column.getFeature())
                    .put("type", column.getColumnType().name()).put("compared_as_categories", column.getComparedAsCategories())
                    .put("reference_count", column.getReferenceCount()).put("current_count", column.getCurrentCount())
                    .put("reference_missing", column.getReferenceMissing()).put("current_missing", column.getCurrentMissing())
                    .put("verdict", column.getVerdict().name());
            tests(node.putArray("tests"), column.getTests());
            tests(node.putArray("informational"), column.getInformational());
        }
        ArrayNode findings = root.putArray("schema_findings");
        for (SkewFinding finding : report.getSchemaFindings()) {
            findings.addObject().put("feature", finding.getFeature()).put("kind", finding.getKind().name())
                    .put("severity", finding.getSeverity().name()).put("detail", finding.getDetail());
        }
        multivariate(root, report.getMultivariate());
        ranking(root, report.getFeatureRanking());
        return root;
    }

    private static void multivariate(ObjectNode root, @Nullable MultivariateDrift drift) {
        if (drift == null) {
            root.putNull("multivariate");
            return;
        }
        ObjectNode node = root.putObject("multivariate").put("method", drift.getMethod());
        ArrayNode features = node.putArray("features");
        drift.getFeatures().forEach(features::add);
        node.put("rows", drift.getRows()).put("rows_of_earlier_fits", drift.getRowsOfEarlierFits());
        nullable(node, "value", drift.getValue());
        nullable(node, "sampling_error", drift.getSamplingError());
        nullable(node, "lower", drift.getLower());
        nullable(node, "upper", drift.getUpper());
        nullable(node, "threshold_lower", drift.getThresholdLower());
        nullable(node, "threshold_upper", drift.getThresholdUpper());
        node.put("alert", drift.getAlert());
    }

    private static void ranking(ObjectNode root, @Nullable FeatureRanking ranking) {
        if (ranking == null) {
            root.putNull("feature_ranking");
            return;
        }
        ObjectNode node = root.putObject("feature_ranking").put("method", ranking.getMethod()).put("windows", ranking.getWindows())
                .put("metric", ranking.getMetric()).put("performance", ranking.getPerformance());
        ArrayNode features = node.putArray("features");
        for (RankedFeature feature : RankingCell.sorted(ranking)) {
            ObjectNode ranked = features.addObject().put("feature", feature.getFeature()).put("rank", feature.getRank())
                    .put("alerts", feature.getAlerts());
            nullable(ranked, "correlation", feature.getCorrelation());
            nullable(ranked, "p_value", feature.getPValue());
        }
    }

    private static void tests(ArrayNode array, List<TestResult> tests) {
        for (TestResult test : tests) {
            ObjectNode node = array.addObject().put("test", test.getTest()).put("statistic", test.getStatistic());
            nullable(node, "p_value", test.getPValue());
            node.put("method", test.getMethod().name()).put("threshold", test.getThreshold())
                    .put("condition", test.getCondition()).put("verdict", test.getVerdict().name());
            ResultBound bound = test.getBound();
            if (bound == null) {
                node.putNull("bound");
            } else {
                ObjectNode boundNode = node.putObject("bound").put("statistic_low", bound.getStatisticLow())
                        .put("statistic_high", bound.getStatisticHigh());
                nullable(boundNode, "p_value_low", bound.getPValueLow());
                nullable(boundNode, "p_value_high", bound.getPValueHigh());
                boundNode.put("confidence", bound.getConfidence());
            }
        }
    }

    static void nullable(ObjectNode node, String key, @Nullable Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
