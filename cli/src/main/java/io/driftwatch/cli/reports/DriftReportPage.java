package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.analyze.BaselineReference;
import io.driftwatch.cli.analyze.MergedSpan;
import io.driftwatch.cli.analyze.ProfilesScan;
import io.driftwatch.cli.analyze.Span;
import io.driftwatch.cli.analyze.TopicScans;
import io.driftwatch.cli.baseline.BaselineRecords;
import io.driftwatch.cli.report.ColumnCharts;
import io.driftwatch.cli.report.HtmlReport;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.drift.DriftReportRecords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One window's drift report as the HTML page {@code check} and {@code analyze} draw, showing what the stream decided
 * (each test's stored statistic, bound, threshold and verdict, the multivariate drift and feature ranking it stored, never
 * a new judgement) with a chart per column drawn
 * from the window's profile on the profiles topic against the baseline the window was compared with. The on-call
 * person opens the window an email named; the page says which window it drew and why a chart is missing.
 */
final class DriftReportPage {
    private DriftReportPage() {
    }

    /**
     * @param matching what passed the filter: its count, model versions and latest report
     * @throws BadInputException when no report matched, or reports of more than one model version did
     */
    static String render(LatestMatch<DriftReport> matching, String topic, DriftwatchConfig config) throws BadInputException {
        DriftReport report = latestOfOneVersion(matching, topic);
        DriftComparison comparison;
        try {
            comparison = DriftReportRecords.comparison(report);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("the drift report of " + report.getModelName() + " " + report.getModelVersion()
                    + " for the window from " + report.getWindowStart() + " cannot be drawn: " + e.getMessage()
                    + "; is this driftwatch older than the service that wrote it?", e);
        }
        List<String> notes = new ArrayList<>();
        notes.add("report " + report.getReportId() + ", judged under policy " + Optional.ofNullable(report.getPolicyId()).orElse("(none)")
                + "; the verdicts are the ones the service acted on");
        if (matching.count() > 1) {
            notes.add(matching.count() + " reports matched; this page draws the latest window (use --until to draw an earlier one)");
        }
        ColumnCharts charts = charts(report, config, notes);
        return HtmlReport.render("driftwatch drift report: " + report.getModelName() + " " + report.getModelVersion(),
                comparison, judgement(report), referenceName(report),
                "window " + report.getWindowStart() + " to " + report.getWindowEnd() + " (" + report.getRecords() + " records)",
                Set.of(), charts, Map.of(), notes, DriftReportSections.html(report));
    }

    private static DriftReport latestOfOneVersion(LatestMatch<DriftReport> matching, String topic) throws BadInputException {
        DriftReport latest = matching.latest();
        if (latest == null) {
            throw new BadInputException("no drift report on " + topic + " matches; 'driftwatch reports drift' lists the"
                    + " windows there are");
        }
        if (matching.versions().size() > 1) {
            throw new BadInputException("--format html draws one window of one model version; choose one with --model and"
                    + " --model-version: reports of " + matching.versions().size() + " match ("
                    + String.join(", ", matching.versions()) + ")");
        }
        return latest;
    }

    private static DatasetJudgement judgement(DriftReport report) {
        String withheld = report.getVerdictWithheld();
        if (withheld != null) {
            return new DatasetJudgement(DatasetJudgement.Outcome.NOT_JUDGED, List.of(withheld));
        }
        return new DatasetJudgement(report.getDatasetDrift() ? DatasetJudgement.Outcome.DRIFT : DatasetJudgement.Outcome.NO_DRIFT,
                List.of());
    }

    private static String referenceName(DriftReport report) {
        return switch (report.getComparison()) {
            case BASELINE -> "baseline " + report.getBaselineId();
            case PREVIOUS_WINDOW -> "the previous window";
            case NONE -> "nothing (no baseline and no earlier window)";
        };
    }

    /**
     * The charts of the window's profile against the baseline it was judged by; none, with a note saying why, when
     * the window was not compared with a baseline, the baseline has since been replaced, or retention removed the
     * window's profile.
     */
    private static ColumnCharts charts(DriftReport report, DriftwatchConfig config, List<String> notes)
            throws BadInputException {
        if (report.getComparison() != ComparisonBasis.BASELINE || report.getBaselineId() == null) {
            notes.add("no charts: the charts draw a window against its baseline, and this window was compared with "
                    + referenceName(report));
            return ColumnCharts.none();
        }
        String baselines = Topics.BASELINES.name(config);
        Optional<BaselineReference> baseline = TopicScans.latestBaseline(config.kafkaSettings(), baselines,
                BaselineRecords.topicKey(report.getModelName(), report.getModelVersion())).map(BaselineReference::of);
        if (baseline.isEmpty() || !baseline.get().baselineId().equals(report.getBaselineId())) {
            notes.add("no charts: " + baselines + " no longer holds baseline " + report.getBaselineId()
                    + baseline.map(b -> " (it holds " + b.baselineId() + " now)").orElse(""));
            return ColumnCharts.none();
        }
        MergedSpan window = new MergedSpan(new Span("current", report.getWindowStart(), report.getWindowEnd()));
        TopicScans.profiles(config.kafkaSettings(), Topics.PROFILES.name(config),
                new ProfilesScan(report.getModelName(), report.getModelVersion(), window, null));
        if (window.windows() == 0) {
            notes.add("no charts: " + Topics.PROFILES.name(config) + " no longer holds this window's profile"
                    + " (driftwatch.topic.profiles.retention.ms)");
            return ColumnCharts.none();
        }
        Map<String, ColumnProfile> reference = baseline.get().profiles();
        return ColumnCharts.ofProfiles(reference, window.profiles());
    }
}
