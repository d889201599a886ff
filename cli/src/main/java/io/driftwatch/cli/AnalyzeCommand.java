package io.driftwatch.cli;

import io.driftwatch.cli.analyze.AnalyzeHeader;
import io.driftwatch.cli.analyze.BaselineReference;
import io.driftwatch.cli.analyze.MergedSpan;
import io.driftwatch.cli.analyze.ProfilesScan;
import io.driftwatch.cli.analyze.Span;
import io.driftwatch.cli.analyze.SpanComparison;
import io.driftwatch.cli.analyze.TopicScans;
import io.driftwatch.cli.analyze.UnmergeableWindowException;
import io.driftwatch.cli.baseline.BaselineRecords;
import io.driftwatch.cli.report.ColumnCharts;
import io.driftwatch.cli.report.HtmlReport;
import io.driftwatch.cli.report.JsonReport;
import io.driftwatch.cli.report.ReportOutput;
import io.driftwatch.cli.report.TableReport;
import io.driftwatch.cli.topic.SpanTime;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.ConfigModelRules;
import org.apache.kafka.common.errors.TimeoutException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch analyze}: merges the closed windows of a span from the profiles topic and compares them, with the
 * engine and report of {@code check}, with the model version's baseline or with another span ("this month against
 * last month"), so a question about the past is answered from the profiles alone, without the raw traffic.
 */
@Command(mixinStandardHelpOptions = true, name = "analyze",
        description = {"Merge a span of closed windows from the profiles topic and compare it with the baseline or with"
                + " another span: check's tests, report and exit codes.",
                "Times are ISO-8601 instants or dates (UTC), now, or back from now: 7d, 12h, 2w, P30D. A window counts when"
                        + " it lies wholly inside [--from, --to).", ""},
        sortOptions = false,
        footer = {"", "Examples:",
                "  driftwatch analyze --bootstrap-servers localhost:9092 --model credit --model-version 7 --from 7d --to now",
                "  driftwatch analyze --config driftwatch.properties --model credit --model-version 7 \\",
                "      --from 2026-11-01 --to 2026-12-01 --against-from 2026-10-01 --against-to 2026-11-01",
                "  driftwatch analyze --config driftwatch.properties --model credit --model-version 7 --from 30d --to now \\",
                "      --policy credit.yaml --format json > analysis.json"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Option(names = "--model", required = true, paramLabel = "M", description = "The model whose windows are merged.")
    private String model = "";

    @Option(names = "--model-version", required = true, paramLabel = "V", description = "Its version.")
    private String modelVersion = "";

    @Option(names = "--from", required = true, paramLabel = "T", description = "Start of the current span (inclusive).")
    private String from = "";

    @Option(names = "--to", required = true, paramLabel = "T", description = "End of the current span (exclusive).")
    private String to = "";

    @Option(names = "--against", paramLabel = "baseline", description = "Compare with the model version's baseline on"
            + " the baselines topic (the default, unless --against-from and --against-to give a reference span).")
    private @Nullable Reference against;

    @Option(names = "--against-from", paramLabel = "T", description = "Start of the reference span (inclusive).")
    private @Nullable String againstFrom;

    @Option(names = "--against-to", paramLabel = "T", description = "End of the reference span (exclusive).")
    private @Nullable String againstTo;

    @Option(names = "--format", paramLabel = "table|json|html", description = "Output format (default: ${DEFAULT-VALUE});"
            + " html is one self-contained page with a chart per column.")
    private CheckCommand.OutputFormat format = CheckCommand.OutputFormat.TABLE;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private @Nullable Path output;

    @Mixin
    private PolicyOptions policies = new PolicyOptions();

    /** What a span can be compared with besides another span. */
    enum Reference { BASELINE }

    @Override
    public Integer call() throws BadInputException {
        Clock clock = Clock.systemUTC();
        Span current = Span.of("current", SpanTime.parse("--from", from, clock), SpanTime.parse("--to", to, clock), "--from/--to");
        Optional<Span> referenceSpan = referenceSpan(clock);
        DriftwatchConfig config = kafka.driftwatchConfig();
        Optional<EffectivePolicy> policy;
        try {
            policy = policies.effective(model, Optional.of(modelVersion));
        } catch (PolicyException e) {
            return PolicyOptions.report(e, spec.commandLine().getErr());
        }
        ComparisonSettings settings = settings(config, policy);
        ProfilesScan scan = new ProfilesScan(model, modelVersion, new MergedSpan(current),
                referenceSpan.map(MergedSpan::new).orElse(null));
        BaselineReference baseline;
        try {
            baseline = referenceSpan.isPresent() ? null : baseline(config);
            scan(config, scan);
        } catch (TimeoutException e) {
            spec.commandLine().getErr().println("driftwatch: Kafka did not answer (" + e.getMessage() + "); check"
                    + " --bootstrap-servers and the settings in --config");
            return ExitCode.FAILURE;
        }
        List<String> notes = notes(scan);
        if (baseline != null) {
            settings = settings.withBaselineChoices(baseline.thresholdsByColumn(), baseline.chosenTests());
        }
        Map<String, ColumnProfile> reference = baseline != null ? baseline.profiles() : scan.reference().orElseThrow().profiles();
        SpanComparison compared = SpanComparison.run(settings, reference, scan.current().profiles(),
                policies.excludedColumns(policy), scan.current().records(), config.windowMinRecords());
        print(new AnalyzeHeader(model, modelVersion, scan.current(), baseline, scan.reference().orElse(null), notes),
                compared, settings, ColumnCharts.ofProfiles(reference, scan.current().profiles()));
        return switch (compared.judgement().outcome()) {
            case NO_DRIFT -> ExitCode.OK;
            case DRIFT -> ExitCode.FOUND;
            case NOT_JUDGED -> ExitCode.NOT_JUDGED;
        };
    }

    private Optional<Span> referenceSpan(Clock clock) throws BadInputException {
        if ((againstFrom == null) != (againstTo == null)) {
            throw new BadInputException("a reference span needs both --against-from T and --against-to T");
        }
        if (againstFrom == null || againstTo == null) {
            return Optional.empty();
        }
        if (against != null) {
            throw new BadInputException("--against baseline and --against-from/--against-to both choose the reference:"
                    + " choose one");
        }
        return Optional.of(Span.of("reference", SpanTime.parse("--against-from", againstFrom, clock),
                SpanTime.parse("--against-to", againstTo, clock), "--against-from/--against-to"));
    }

    private ComparisonSettings settings(DriftwatchConfig config, Optional<EffectivePolicy> policy) throws BadInputException {
        ComparisonSettings base = new ConfigModelRules(config).defaults().comparison();
        if (policy.isEmpty()) {
            return base;
        }
        try {
            return PolicyComparison.settings(policy.get(), base);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("the policy of model " + policy.get().model() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private static void scan(DriftwatchConfig config, ProfilesScan scan) throws BadInputException {
        try {
            TopicScans.profiles(config.kafkaSettings(), Topics.PROFILES.name(config), scan);
        } catch (UnmergeableWindowException e) {
            throw new BadInputException(e.line(), e);
        }
    }

    private BaselineReference baseline(DriftwatchConfig config) throws BadInputException {
        String topic = Topics.BASELINES.name(config);
        return TopicScans.latestBaseline(config.kafkaSettings(), topic, BaselineRecords.topicKey(model, modelVersion))
                .map(BaselineReference::of)
                .orElseThrow(() -> new BadInputException("topic " + topic + " holds no baseline of model " + model
                        + " version " + modelVersion + "; publish one (driftwatch baseline) or compare with another span"
                        + " (--against-from T --against-to T)"));
    }

    /** @throws BadInputException with the note of a span that has no window at all */
    private static List<String> notes(ProfilesScan scan) throws BadInputException {
        List<MergedSpan> spans = new ArrayList<>(List.of(scan.current()));
        scan.reference().ifPresent(spans::add);
        List<String> notes = new ArrayList<>();
        for (MergedSpan merged : spans) {
            Optional<String> note = scan.coverageNote(merged);
            if (note.isPresent() && merged.windows() == 0) {
                throw new BadInputException(note.get());
            }
            note.ifPresent(notes::add);
        }
        return notes;
    }

    private void print(AnalyzeHeader header, SpanComparison compared, ComparisonSettings settings, ColumnCharts charts)
            throws BadInputException {
        String rendered = switch (format) {
            case JSON -> header.json(JsonReport.render(compared.report(), compared.judgement(), settings.options()))
                    + System.lineSeparator();
            case TABLE -> header.lines() + TableReport.render(compared.report(), compared.judgement(), header.referenceName(),
                    header.currentName());
            case HTML -> HtmlReport.render("driftwatch analyze: " + model + " " + modelVersion, compared.report(),
                    compared.judgement(), header.referenceName(), header.currentName(), Set.of(), charts, Map.of(), header.notes());
        };
        ReportOutput.write(rendered, output, spec.commandLine().getOut());
    }
}
