package io.driftwatch.cli;

import io.driftwatch.cli.chunk.ChunkOptions;
import io.driftwatch.cli.chunk.ChunkPlan;
import io.driftwatch.cli.estimate.EstimatedChunks;
import io.driftwatch.cli.estimate.EstimationJson;
import io.driftwatch.cli.estimate.EstimationTable;
import io.driftwatch.cli.multivariate.Features;
import io.driftwatch.cli.multivariate.MultivariateChunks;
import io.driftwatch.cli.multivariate.MultivariateJson;
import io.driftwatch.cli.multivariate.MultivariateTable;
import io.driftwatch.cli.quality.CheckQuality;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.quality.ChunkQualityTable;
import io.driftwatch.cli.quality.QualityHtml;
import io.driftwatch.cli.quality.QualityJson;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.cli.quality.QualityTable;
import io.driftwatch.cli.rank.ChunkRanking;
import io.driftwatch.cli.rank.RankRequest;
import io.driftwatch.cli.rank.RankingJson;
import io.driftwatch.cli.rank.RankingTable;
import io.driftwatch.cli.report.ChunkHtml;
import io.driftwatch.cli.report.ChunkJson;
import io.driftwatch.cli.report.ChunkLines;
import io.driftwatch.cli.report.ChunkedFileCheck;
import io.driftwatch.cli.report.ColumnOrder;
import io.driftwatch.cli.report.FileCheck;
import io.driftwatch.cli.report.HtmlReport;
import io.driftwatch.cli.report.JsonReport;
import io.driftwatch.cli.report.ReportOutput;
import io.driftwatch.cli.report.TableReport;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftDefaults;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch check}: compares a current data file with a reference file, column by column, with
 * exact statistics, and exits 1 when the data set drifted so a CI step or a cron job can act on it. As a
 * gate it must never pass what it could not judge: a schema error (a missing or empty column, a type change),
 * no column compared, or fewer than {@code --min-rows} current rows, and it exits 4 with the reasons, after
 * printing every statistic it could compute.
 */
@Command(mixinStandardHelpOptions = true, name = "check",
        description = {"Compare a current data file with a reference file: drift tests per column, schema findings, dataset drift.",
                "Files are CSV with a header line, JSON Lines (.jsonl/.ndjson/.json), either gzipped (.gz), or Parquet.",
                "Every test uses all values (exact), except on numeric columns whose values would not fit in the heap:",
                "those are compared by sketches with error bounds, and the report names them (docs/memory.md).", ""},
        sortOptions = false,
        footer = {"", "Examples:",
                "  driftwatch check --reference train.csv --current today.csv",
                "  driftwatch check --reference train.csv --current today.csv --format json > report.json",
                "  driftwatch check --reference train.csv --current today.csv --format html --output report.html",
                "  driftwatch check --reference ref.csv --current cur.csv --tests ks,psi,wasserstein --binning sturges",
                "  driftwatch check --reference ref.csv --current cur.csv --column-type zip=categorical --threshold psi=0.2",
                "  driftwatch check --reference ref.csv --current cur.csv --policy fleet.yaml --policy credit.yaml --model credit",
                "  driftwatch check --reference ref.csv --current cur.csv --exclude request_id,received_at",
                "  driftwatch check --reference ref.csv --current cur.csv --chunk-period 1d --time-column ts --threshold-rule nannyml",
                "  driftwatch check --reference ref.csv --current cur.csv --labels churned --prediction-column predicted \\",
                "      --score-column p_churn --business-value '[[0, -5], [-50, 100]]' --format json",
                "  driftwatch check --reference ref.csv --current cur.csv --chunk-rows 500 --labels churned \\",
                "      --prediction-column predicted --score-column p_churn --estimate-performance",
                "  driftwatch check --reference ref.csv --current cur.csv --chunk-rows 500 --multivariate pca",
                "  driftwatch check --reference ref.csv --current cur.csv --chunk-count 10 --rank alert_count",
                "  driftwatch check --reference ref.csv --current cur.csv --chunk-rows 500 --labels churned \\",
                "      --score-column p_churn --estimate-performance --rank correlation --rank-metric roc_auc",
                "  driftwatch check --list-tests"})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference data, e.g. the training set.")
    private @Nullable Path reference;

    @Option(names = "--current", paramLabel = "FILE", description = "Current data, e.g. last day's inputs.")
    private @Nullable Path current;

    @Option(names = "--format", paramLabel = "table|json|html", description = "Output format (default: ${DEFAULT-VALUE}); html is"
            + " one self-contained page with a chart per column.")
    private OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private @Nullable Path output;

    @Mixin
    private TestSelectionOptions selection = new TestSelectionOptions();

    @Mixin
    private PolicyOptions policies = new PolicyOptions();

    @Mixin
    private ChunkOptions chunking = new ChunkOptions();

    @Mixin
    private QualityOptions quality = new QualityOptions();

    @Mixin
    private MultivariateOptions multivariateOptions = new MultivariateOptions();

    @Mixin
    private RankOptions rankOptions = new RankOptions();

    @Option(names = "--model", paramLabel = "M", description = "The model whose policy applies; needed only when the"
            + " --policy files hold policies of more than one model.")
    private @Nullable String model;

    @Option(names = "--model-version", paramLabel = "V", description = "The model version whose policy applies"
            + " (default: the policy of every version).")
    private @Nullable String modelVersion;

    @Option(names = "--min-rows", paramLabel = "N", description = "Fewest current rows a verdict needs; below it every"
            + " statistic is still printed, the verdict is withheld and the exit code is 4 (default: ${DEFAULT-VALUE}).")
    private long minRows = DriftDefaults.MIN_CHECK_ROWS;

    @Option(names = "--list-tests", description = "List the tests, their default thresholds, the default selection"
            + " and the tests that inform by default, then exit.")
    private boolean listTests;

    /** The report renderings. */
    enum OutputFormat { JSON, TABLE, HTML }

    @Override
    public Integer call() throws BadInputException {
        if (listTests) {
            spec.commandLine().getOut().print(TestListing.render());
            return 0;
        }
        if (reference == null || current == null) {
            throw new BadInputException("check needs both --reference FILE and --current FILE; see 'driftwatch check --help'");
        }
        if (minRows < 0) {
            throw new BadInputException("--min-rows " + minRows + ": give a number of rows, 0 or more");
        }
        Optional<ChunkPlan> chunks = chunking.plan();
        boolean estimate = quality.estimatePerformance(chunks.isPresent());
        boolean multivariate = multivariateOptions.requested(chunks.isPresent());
        Optional<RankRequest> rank = rankOptions.request(chunks.isPresent(), quality.labelled());
        Optional<EffectivePolicy> policy;
        try {
            policy = policies.effective(model, Optional.ofNullable(modelVersion));
        } catch (PolicyException e) {
            return PolicyOptions.report(e, spec.commandLine().getErr());
        }
        if (policy.isEmpty() && (model != null || modelVersion != null)) {
            throw new BadInputException("--model and --model-version choose the policy to apply; give it with --policy FILE");
        }
        if (policy.isPresent()) {
            selection.refuseWithPolicy(spec.commandLine().getParseResult());
        }
        ComparisonSettings settings = policy.isPresent() ? policySettings(policy.get()) : selection.settings();
        Map<String, ColumnType> types = new HashMap<>();
        policy.ifPresent(effective -> types.putAll(PolicyComparison.declaredTypes(effective)));
        types.putAll(selection.columnTypes());
        CalibrationTargets calibrated = policy.map(PolicyComparison::calibrationTargets).orElse(CalibrationTargets.NONE);
        Optional<QualityRequest> qualityRequest = quality.request(policy.map(effective -> effective.policy().outcome().choices()));
        Set<String> excluded = new TreeSet<>(policies.excludedColumns(policy));
        excluded.addAll(quality.notFeatures());
        CheckQuality checkQuality = qualityRequest.isEmpty() ? null
                : CheckQuality.of(reference, current, qualityRequest.get());
        if (chunks.isEmpty()) {
            FileCheck check = FileCheck.run(reference, current, types, excluded, settings, calibrated, minRows);
            ReportOutput.write(render(check, null, settings, checkQuality, null, null, null, null), output,
                    spec.commandLine().getOut());
            return switch (check.judgement().outcome()) {
                case NO_DRIFT -> ExitCode.OK;
                case DRIFT -> ExitCode.FOUND;
                case NOT_JUDGED -> ExitCode.NOT_JUDGED;
            };
        }
        ChunkedFileCheck chunked = ChunkedFileCheck.run(reference, current, types, excluded, settings, calibrated,
                minRows, chunks.get(), checkQuality != null || multivariate);
        ChunkQuality chunkQuality = checkQuality == null ? null : ChunkQuality.of(checkQuality.request(), reference,
                current, chunked.currentLayout(), chunked.referenceLayout());
        EstimatedChunks estimation = estimate && chunkQuality != null && chunked.referenceLayout() != null
                ? EstimatedChunks.of(chunkQuality.request(), reference, current, chunked.currentLayout(),
                chunked.referenceLayout(), chunkQuality) : null;
        MultivariateChunks multivariateDrift = multivariate && chunked.referenceLayout() != null
                ? MultivariateChunks.of(Features.of(chunked.whole().report(), checkQuality == null ? Set.of()
                : Set.of(checkQuality.request().columns().prediction())), reference, current,
                chunked.referenceLayout(), chunked.currentLayout()) : null;
        ChunkRanking ranking = rank.isEmpty() ? null : ChunkRanking.of(rank.get(), chunked, chunkQuality, estimation);
        ReportOutput.write(render(chunked.whole(), chunked, settings, checkQuality, chunkQuality, estimation,
                multivariateDrift, ranking), output, spec.commandLine().getOut());
        // The estimated performance, the multivariate drift and the feature ranking inform like the realized quality:
        // the exit code stays the drift verdict's.
        // Exit 4 when the whole file cannot be judged, else 1 when it or any of its chunks drifted, else 0.
        if (chunked.whole().judgement().outcome() == DatasetJudgement.Outcome.NOT_JUDGED) {
            return ExitCode.NOT_JUDGED;
        }
        return chunked.anyDrift() ? ExitCode.FOUND : ExitCode.OK;
    }

    /** The report in the format asked for: the whole file's, then the chunks' and the model's quality where there are. */
    private String render(FileCheck whole, @Nullable ChunkedFileCheck chunked, ComparisonSettings settings,
                          @Nullable CheckQuality checkQuality, @Nullable ChunkQuality chunkQuality,
                          @Nullable EstimatedChunks estimation, @Nullable MultivariateChunks multivariate,
                          @Nullable ChunkRanking ranking) {
        String referenceName = String.valueOf(reference);
        String currentName = String.valueOf(current);
        boolean referenceChunks = chunked != null && chunked.plan().referenceChunks();
        return switch (format) {
            case JSON -> {
                String json = chunked == null ? JsonReport.render(whole.report(), whole.judgement(), settings.options(),
                        whole.excludedColumns(), whole.sketchedColumns()) : ChunkJson.render(chunked, settings.options());
                String withQuality = checkQuality == null ? json : QualityJson.addTo(json, checkQuality, chunkQuality);
                String withEstimates = estimation == null ? withQuality : EstimationJson.addTo(withQuality, estimation);
                String withMultivariate = multivariate == null ? withEstimates
                        : MultivariateJson.addTo(withEstimates, multivariate);
                yield (ranking == null ? withMultivariate : RankingJson.addTo(withMultivariate, ranking))
                        + System.lineSeparator();
            }
            case TABLE -> (chunked == null ? "" : chunked.chunkHeadline() + System.lineSeparator())
                    + TableReport.render(whole.report(), whole.judgement(), referenceName, currentName,
                    whole.excludedColumns(), whole.sketchedColumns())
                    + (chunked == null ? "" : ChunkLines.render(chunked, currentName, referenceName))
                    + (checkQuality == null ? "" : QualityTable.render(checkQuality))
                    + (chunkQuality == null ? "" : ChunkQualityTable.render(chunkQuality, referenceChunks))
                    + (estimation == null ? "" : EstimationTable.render(estimation))
                    + (multivariate == null ? "" : MultivariateTable.render(multivariate))
                    + (ranking == null ? "" : RankingTable.render(ranking));
            case HTML -> HtmlReport.render("driftwatch check", whole.report(), whole.judgement(), referenceName, currentName,
                    whole.excludedColumns(), whole.charts(), whole.sketchedColumns(), List.of(),
                    (chunked == null ? "" : ChunkHtml.sections(chunked))
                            + (checkQuality == null ? "" : QualityHtml.section(checkQuality))
                            + (chunkQuality == null ? "" : ChunkQualityTable.section(chunkQuality, referenceChunks))
                            + (estimation == null ? "" : EstimationTable.section(estimation))
                            + (multivariate == null ? "" : MultivariateTable.section(multivariate))
                            + (ranking == null ? "" : RankingTable.section(ranking)),
                    ranking == null ? ColumnOrder.BY_SEVERITY
                            : new ColumnOrder("Columns, in the order of the feature ranking (" + ranking.method().methodName()
                            + ")", ranking.order()));
        };
    }

    private ComparisonSettings policySettings(EffectivePolicy policy) throws BadInputException {
        try {
            return PolicyComparison.settings(policy, selection.settings());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("the policy of model " + policy.model() + " cannot be applied: " + e.getMessage(), e);
        }
    }
}
