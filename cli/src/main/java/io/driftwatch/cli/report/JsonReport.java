package io.driftwatch.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a drift report, whose shape docs/check.md documents and scripts rely on: keys are
 * stable, numbers are full precision, a value that does not exist is {@code null} (never NaN). A column's
 * informational tests sit in {@code informational}, beside {@code tests} and in the same shape, so a script
 * reading {@code tests} for the verdict never mistakes one for a deciding test.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * {@code dataset.drift} is what the column statistics say; {@code dataset.verdict} ({@code no_drift},
     * {@code drift} or {@code not_judged}, with {@code reasons}) is what to act on, as the exit code is.
     */
    public static String render(DriftComparison report, DatasetJudgement judgement, TestOptions options) {
        return render(report, judgement, options, Set.of());
    }

    /**
     * Also {@code excluded}, the columns left out as the files were read, when there were any; without them the
     * report is exactly that of {@link #render(DriftComparison, DatasetJudgement, TestOptions)}.
     */
    public static String render(DriftComparison report, DatasetJudgement judgement, TestOptions options,
                                Set<String> excludedColumns) {
        return render(report, judgement, options, excludedColumns, Map.of());
    }

    /**
     * Also {@code sketchedColumns}, the columns compared by sketches because their values would not fit in memory,
     * each with why, as {@code "sketched"}; without any the report is that of
     * {@link #render(DriftComparison, DatasetJudgement, TestOptions, Set)}.
     */
    public static String render(DriftComparison report, DatasetJudgement judgement, TestOptions options,
                                Set<String> excludedColumns, Map<String, String> sketchedColumns) {
        return write(tree(report, judgement, options, excludedColumns, sketchedColumns));
    }

    /** The tree {@link #render(DriftComparison, DatasetJudgement, TestOptions, Set, Map)} writes, for reports that add to it. */
    static ObjectNode tree(DriftComparison report, DatasetJudgement judgement, TestOptions options,
                           Set<String> excludedColumns, Map<String, String> sketchedColumns) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("columns", columns(report));
        if (!excludedColumns.isEmpty()) {
            ArrayNode excluded = root.putArray("excluded");
            excludedColumns.forEach(excluded::add);
        }
        if (!sketchedColumns.isEmpty()) {
            ObjectNode sketched = root.putObject("sketched");
            sketchedColumns.forEach(sketched::put);
        }
        root.set("schema", schema(report));
        root.set("dataset", dataset(report, judgement));
        root.putObject("options").put("binning", options.binning().name().toLowerCase(Locale.ROOT))
                .put("log_base", options.logBase().name().equals("E") ? "e" : "2")
                .put("ks_method", options.ksMethod().name().toLowerCase(Locale.ROOT))
                .put("binned_estimates", options.binnedEstimates());
        return root;
    }

    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }

    static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /** Each column's results by name, as the top level's {@code columns}. */
    static ObjectNode columns(DriftComparison report) {
        ObjectNode columns = MAPPER.createObjectNode();
        report.columns().forEach((name, column) -> columns.set(name, column(column)));
        return columns;
    }

    static ArrayNode schema(DriftComparison report) {
        ArrayNode schema = MAPPER.createArrayNode();
        for (SchemaFinding finding : report.schemaFindings()) {
            schema.addObject().put("column", finding.column()).put("finding", finding.kind().label())
                    .put("severity", finding.severity().label()).put("detail", finding.detail());
        }
        return schema;
    }

    static ObjectNode dataset(DriftComparison report, DatasetJudgement judgement) {
        DatasetVerdict dataset = report.dataset();
        ObjectNode datasetNode = MAPPER.createObjectNode().put("columns", dataset.columns())
                .put("drifted_columns", dataset.driftedColumns())
                .put("inconclusive_columns", dataset.inconclusiveColumns()).put("share", dataset.share())
                .put("threshold", dataset.threshold()).put("drift", dataset.driftDetected())
                .put("verdict", judgement.outcome().label());
        ArrayNode reasons = datasetNode.putArray("reasons");
        judgement.reasons().forEach(reasons::add);
        return datasetNode;
    }

    private static ObjectNode column(ColumnReport column) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", column.type().label());
        if (column.comparedAsCategories()) {
            node.put("compared_as", "categories");
        }
        node.put("n_reference", column.referenceCount()).put("n_current", column.currentCount())
                .put("missing_reference", column.referenceMissing()).put("missing_current", column.currentMissing());
        ObjectNode tests = node.putObject("tests");
        column.tests().forEach((name, verdict) -> tests.set(name, test(verdict)));
        ObjectNode informational = node.putObject("informational");
        column.informational().forEach((name, verdict) -> informational.set(name, test(verdict)));
        node.put("drift", column.driftDetected()).put("verdict", column.verdict().label());
        ArrayNode unseen = node.putArray("unseen_categories");
        column.unseenCategories().forEach(unseen::add);
        if (!column.notApplicable().isEmpty()) {
            ObjectNode skipped = node.putObject("not_applicable");
            column.notApplicable().forEach(skipped::put);
        }
        return node;
    }

    private static ObjectNode test(TestVerdict verdict) {
        TestOutcome outcome = verdict.outcome();
        ObjectNode node = MAPPER.createObjectNode();
        putNumber(node, "statistic", outcome.statistic());
        putNumber(node, "pvalue", outcome.pValue());
        node.put("method", outcome.method().label());
        node.put("threshold", verdict.threshold().value());
        node.put("condition", verdict.threshold().describe());
        node.put("drift", verdict.verdict() == Verdict.DRIFT);
        node.put("verdict", verdict.verdict().label());
        ErrorBound bound = outcome.bound();
        if (bound != null) {
            ObjectNode boundNode = node.putObject("bound");
            putNumber(boundNode, "statistic_low", bound.statisticLow());
            putNumber(boundNode, "statistic_high", bound.statisticHigh());
            putNumber(boundNode, "pvalue_low", bound.pValueLow());
            putNumber(boundNode, "pvalue_high", bound.pValueHigh());
            boundNode.put("confidence", bound.confidence());
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String key, @Nullable Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
