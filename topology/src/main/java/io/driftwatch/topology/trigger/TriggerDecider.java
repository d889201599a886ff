package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.schemas.record.WindowRef;
import io.driftwatch.topology.multivariate.MultivariateDriftRecords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Applies the {@link TriggerPolicy} to each window report of a model version, in window order: at most
 * one trigger per window (a schema error before dataset drift, since it breaks the model's input
 * contract), none during the cool-down, and after a trigger the run of drifted windows starts again.
 * A window whose verdict was withheld (too few records) neither extends nor breaks the run. Pure:
 * the same reports in the same order always give the same triggers, with the same ids.
 */
public final class TriggerDecider {
    private static final int EVIDENCE_SHOWN = 5;

    private TriggerDecider() {
    }

    /**
     * The decision on one window.
     *
     * @param trigger    the trigger to emit, if one fired and no cool-down holds it back
     * @param suppressed the rule that fired during the cool-down, for metrics and alerts
     */
    public record Decision(Optional<RetrainingTrigger> trigger, Optional<String> suppressed, TriggerState next) {
    }

    /** The decision on one window under the rules the model version has now ({@code policy}), whatever it had before. */
    public static Decision decide(TriggerPolicy policy, DriftReport report, TriggerState state) {
        requireNonNull(policy, "policy");
        WindowRef window = new WindowRef(report.getWindowStart(), report.getWindowEnd(), report.getReportId());
        if (report.getVerdictWithheld() != null) {
            return new Decision(Optional.empty(), Optional.empty(), state);
        }
        List<WindowRef> run = new ArrayList<>();
        if (policy.datasetDriftEnabled() && report.getDatasetDrift()) {
            run.addAll(state.driftedRun());
            run.add(window);
            while (run.size() > policy.consecutiveDriftWindows()) {
                run.remove(0);
            }
        }
        List<WindowRef> multivariateRun = new ArrayList<>();
        MultivariateDrift multivariate = report.getMultivariate();
        if (policy.multivariateDriftEnabled() && multivariate != null && multivariate.getAlert()) {
            multivariateRun.addAll(state.multivariateRun());
            multivariateRun.add(window);
            while (multivariateRun.size() > policy.consecutiveMultivariateWindows()) {
                multivariateRun.remove(0);
            }
        }
        Optional<RetrainingTrigger> fired = schemaErrorTrigger(policy, report, window);
        if (fired.isEmpty() && policy.datasetDriftEnabled() && run.size() >= policy.consecutiveDriftWindows()) {
            fired = Optional.of(driftTrigger(policy, report, run));
        }
        if (fired.isEmpty() && multivariate != null && policy.multivariateDriftEnabled()
                && multivariateRun.size() >= policy.consecutiveMultivariateWindows()) {
            fired = Optional.of(multivariateTrigger(policy, report, multivariate, multivariateRun));
        }
        long windowEndMillis = report.getWindowEnd().toEpochMilli();
        TriggerState unfired = new TriggerState(run, multivariateRun, state.lastTriggerMillis());
        if (fired.isEmpty()) {
            return new Decision(Optional.empty(), Optional.empty(), unfired);
        }
        boolean coolingDown = state.lastTriggerMillis() != Long.MIN_VALUE
                && windowEndMillis - state.lastTriggerMillis() < policy.coolDown().toMillis();
        if (coolingDown) {
            return new Decision(Optional.empty(), Optional.of(fired.get().getRule()), unfired);
        }
        return new Decision(fired, Optional.empty(), new TriggerState(List.of(), List.of(), windowEndMillis));
    }

    private static Optional<RetrainingTrigger> schemaErrorTrigger(TriggerPolicy policy, DriftReport report, WindowRef window) {
        if (policy.schemaRule() == TriggerPolicy.SchemaRule.OFF) {
            return Optional.empty();
        }
        boolean warningsCount = policy.schemaRule() == TriggerPolicy.SchemaRule.WARNINGS;
        List<SkewFinding> errors = report.getSchemaFindings().stream()
                .filter(finding -> warningsCount || finding.getSeverity() == SkewSeverity.ERROR).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = errors.stream().limit(EVIDENCE_SHOWN).map(finding -> Evidence.newBuilder()
                .setFeature(finding.getFeature()).setTest(finding.getKind().name().toLowerCase(Locale.ROOT))
                .setStatistic(0).setThreshold(0).setDetail(finding.getDetail()).build()).toList();
        String summary = String.format(Locale.ROOT, "%s %s: schema %s in the window ending %s (%s)",
                report.getModelName(), report.getModelVersion(), warningsCount ? "finding" : "error", report.getWindowEnd(),
                String.join(", ", errors.stream().limit(EVIDENCE_SHOWN)
                        .map(f -> f.getFeature() + " " + f.getKind().name().toLowerCase(Locale.ROOT)).toList()));
        return Optional.of(warningsCount
                ? trigger(report, TriggerPolicy.SCHEMA_FINDING_RULE, "any schema finding of severity warning or error",
                        List.of(window), evidence, summary)
                : trigger(report, TriggerPolicy.SCHEMA_ERROR_RULE, "any schema finding of severity error", List.of(window),
                        evidence, summary));
    }

    private static RetrainingTrigger driftTrigger(TriggerPolicy policy, DriftReport report, List<WindowRef> run) {
        List<ColumnDrift> drifted = report.getColumns().stream()
                .filter(column -> column.getVerdict() == DriftVerdict.DRIFT)
                .sorted(Comparator.comparingDouble(TriggerDecider::strongestEffect).reversed())
                .toList();
        List<Evidence> evidence = drifted.stream().limit(EVIDENCE_SHOWN).map(TriggerDecider::evidence).toList();
        String rule = "dataset drift in " + policy.consecutiveDriftWindows() + " consecutive window"
                + (policy.consecutiveDriftWindows() == 1 ? "" : "s");
        String summary = String.format(Locale.ROOT, "%s %s: %s (%d of %d columns drifted: %s)", report.getModelName(),
                report.getModelVersion(), rule, report.getDriftedColumns(), report.getDatasetColumns(),
                String.join(", ", drifted.stream().limit(EVIDENCE_SHOWN).map(ColumnDrift::getFeature).toList())
                        + (drifted.size() > EVIDENCE_SHOWN ? " and " + (drifted.size() - EVIDENCE_SHOWN) + " more" : ""));
        return trigger(report, TriggerPolicy.DATASET_DRIFT_RULE, rule, run, evidence, summary);
    }

    private static RetrainingTrigger multivariateTrigger(TriggerPolicy policy, DriftReport report,
                                                         MultivariateDrift multivariate, List<WindowRef> run) {
        MultivariateDriftRecords.Crossed crossed = MultivariateDriftRecords.crossed(multivariate);
        String judged = crossed.describe();
        Evidence evidence = Evidence.newBuilder().setFeature("multivariate (" + multivariate.getFeatures().size()
                        + " features)").setTest(multivariate.getMethod()).setStatistic(crossed.value())
                .setThreshold(crossed.threshold())
                .setDetail(judged + " of the baseline's reference chunks, on " + multivariate.getRows() + " inferences;"
                        + " features " + String.join(", ", multivariate.getFeatures()))
                .build();
        int windows = policy.consecutiveMultivariateWindows();
        String rule = "multivariate drift in " + windows + " consecutive window" + (windows == 1 ? "" : "s");
        String summary = String.format(Locale.ROOT, "%s %s: %s (%s)", report.getModelName(), report.getModelVersion(),
                rule, judged);
        return trigger(report, TriggerPolicy.MULTIVARIATE_DRIFT_RULE, rule, run, List.of(evidence), summary);
    }

    private static RetrainingTrigger trigger(DriftReport report, String rule, String description, List<WindowRef> windows,
                                             List<Evidence> evidence, String summary) {
        return new FiredWindow(report.getModelName(), report.getModelVersion(), report.getWindowStart(), report.getWindowEnd(),
                report.getPolicyId())
                .trigger(rule, description, windows, evidence, summary);
    }

    private static Evidence evidence(ColumnDrift column) {
        TestResult strongest = strongestTest(column);
        return Evidence.newBuilder().setFeature(column.getFeature()).setTest(strongest.getTest())
                .setStatistic(strongest.getStatistic()).setPValue(strongest.getPValue())
                .setThreshold(strongest.getThreshold())
                .setDetail(strongest.getTest() + " " + strongest.getCondition() + ": statistic "
                        + String.format(Locale.ROOT, "%.4g", strongest.getStatistic())
                        + (strongest.getPValue() == null ? "" : String.format(Locale.ROOT, ", p %.3g", strongest.getPValue())))
                .build();
    }

    private static TestResult strongestTest(ColumnDrift column) {
        return column.getTests().stream().max(Comparator.comparingDouble(TriggerDecider::effect))
                .orElseThrow(() -> new IllegalArgumentException("a drifted column has at least one test: " + column.getFeature()));
    }

    private static double strongestEffect(ColumnDrift column) {
        return column.getTests().stream().mapToDouble(TriggerDecider::effect).max().orElse(0);
    }

    /** How far past its threshold a test is: 1 at the threshold, larger further past it (as ColumnReport.severityScore). */
    public static double effect(TestResult test) {
        if (test.getPValue() != null) {
            return Math.log(Math.max(test.getPValue(), 1e-300)) / Math.log(test.getThreshold());
        }
        return test.getThreshold() == 0 ? 0 : test.getStatistic() / test.getThreshold();
    }
}
