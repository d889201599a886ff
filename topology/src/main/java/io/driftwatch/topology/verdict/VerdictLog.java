package io.driftwatch.topology.verdict;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.TestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What {@code driftwatch run} decided, in its log: one INFO line per closed window with its verdict and drifted
 * features, one per final quality report, and one WARN line per retraining trigger with the rule and policy it fired
 * under, so an operator reading the log sees what the topics hold without a consumer. Logged when the verdict is made,
 * inside the Streams transaction: after a crash the window is judged again and its line may appear twice, while its
 * records on the topics appear once. Names come from the traffic, so each has its control characters escaped (a
 * CR/LF in a model name cannot forge a log line) and is cut to {@value #NAME_CHARS_MAX} characters.
 */
public final class VerdictLog {
    private static final Logger LOG = LoggerFactory.getLogger(VerdictLog.class);
    private static final int FEATURES_SHOWN = 6;
    private static final int NAME_CHARS_MAX = 80;

    private VerdictLog() {
    }

    public static void closed(DriftReport report) {
        LOG.info("{}", closedLine(report));
    }

    public static void finalQuality(QualityReport report) {
        LOG.info("{}", qualityLine(report));
    }

    /** The line of a window whose estimate is complete: what the estimated-quality rule was judged on. */
    public static void completeEstimate(QualityReport report) {
        EstimatedPerformance estimated = report.getEstimated();
        if (estimated != null) {
            LOG.info("{}", estimateLine(report, estimated));
        }
    }

    public static void trigger(RetrainingTrigger trigger) {
        LOG.warn("{}", triggerLine(trigger));
    }

    /**
     * {@code window closed: credit 1 2026-12-05T15:00:00Z..15:10:00Z, 300 records: DRIFT in 5 of 8 columns (age ks
     * 0.31 p 1.2e-05, drift when p < 0.05; ...); multivariate drift 1.539 ALERT outside 0.9083..1.004; 1 schema finding
     * (region unexpected_value error); policy e09c1044ca4d}
     */
    static String closedLine(DriftReport report) {
        StringBuilder line = new StringBuilder("window closed: ").append(safe(report.getModelName())).append(' ')
                .append(safe(report.getModelVersion())).append(' ').append(span(report.getWindowStart(), report.getWindowEnd()))
                .append(", ").append(report.getRecords()).append(" records: ");
        if (report.getVerdictWithheld() != null) {
            line.append("no verdict (").append(safe(report.getVerdictWithheld())).append(')');
        } else {
            List<ColumnDrift> drifted = report.getColumns().stream().filter(column -> column.getVerdict() == DriftVerdict.DRIFT).toList();
            line.append(report.getDatasetDrift() ? "DRIFT" : "no dataset drift").append(", ").append(drifted.size())
                    .append(" of ").append(report.getDatasetColumns()).append(" columns drifted");
            if (!drifted.isEmpty()) {
                line.append(" (").append(drifted.stream().limit(FEATURES_SHOWN).map(VerdictLog::column)
                        .collect(Collectors.joining("; "))).append(drifted.size() > FEATURES_SHOWN ? "; ...)" : ")");
            }
        }
        MultivariateDrift multivariate = report.getMultivariate();
        if (multivariate != null && multivariate.getValue() != null) {
            line.append("; multivariate drift ").append(number(multivariate.getValue()));
            Double lower = multivariate.getThresholdLower();
            Double upper = multivariate.getThresholdUpper();
            if (lower != null && upper != null) {
                line.append(multivariate.getAlert() ? " ALERT outside " : " within ").append(number(lower)).append("..")
                        .append(number(upper));
            }
        }
        List<SkewFinding> findings = report.getSchemaFindings();
        if (!findings.isEmpty()) {
            line.append("; ").append(findings.size()).append(findings.size() == 1 ? " schema finding (" : " schema findings (")
                    .append(findings.stream().limit(FEATURES_SHOWN).map(finding -> safe(finding.getFeature()) + " "
                            + lower(finding.getKind().name()) + " " + lower(finding.getSeverity().name()))
                            .collect(Collectors.joining(", "))).append(findings.size() > FEATURES_SHOWN ? ", ...)" : ")");
        }
        return line.append("; policy ").append(safe(String.valueOf(report.getPolicyId()))).toString();
    }

    /** {@code quality final: credit 1 2026-12-05T15:00:00Z..15:10:00Z, 300 of 300 predictions labelled: accuracy 0.46; policy P} */
    static String qualityLine(QualityReport report) {
        String metrics = report.getMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(metric -> metric.getKey() + " " + number(metric.getValue())).collect(Collectors.joining(", "));
        return "quality final: " + safe(report.getModelName()) + ' ' + safe(report.getModelVersion()) + ' '
                + span(report.getWindowStart(), report.getWindowEnd()) + ", " + report.getLabelled() + " of "
                + report.getPredictions() + " predictions labelled: " + (metrics.isEmpty() ? "no metric" : metrics)
                + "; policy " + safe(String.valueOf(report.getPolicyId()));
    }

    /**
     * {@code estimate complete: churn v2 2026-12-05T15:00:00Z..15:10:00Z, 300 predictions, 0 labelled: accuracy 0.5530
     * (0.4810..0.6250) ALERT below 0.7066, roc_auc 0.5120 (...); baseline B; policy P}
     */
    static String estimateLine(QualityReport report, EstimatedPerformance estimated) {
        String metrics = estimated.getMetrics().stream().map(VerdictLog::estimate).collect(Collectors.joining(", "));
        return "estimate complete: " + safe(report.getModelName()) + ' ' + safe(report.getModelVersion()) + ' '
                + span(report.getWindowStart(), report.getWindowEnd()) + ", " + estimated.getPredictions() + " predictions"
                + (estimated.getNotEstimated() == 0 ? "" : " (" + estimated.getNotEstimated() + " without a score)") + ", "
                + report.getLabelled() + " labelled: " + (metrics.isEmpty() ? "no estimate" : metrics) + "; baseline "
                + safe(estimated.getBaselineId()) + "; policy " + safe(String.valueOf(report.getPolicyId()));
    }

    private static String estimate(EstimatedMetricReport metric) {
        String alert = "";
        if (metric.getAlert()) {
            Double lower = metric.getThresholdLower();
            alert = lower != null && metric.getValue() < lower ? " ALERT below " + number(lower)
                    : " ALERT above " + number(requireNonNull(metric.getThresholdUpper(), "thresholdUpper"));
        }
        return metric.getMetric() + " " + number(metric.getValue()) + " (" + number(metric.getLower()) + ".."
                + number(metric.getUpper()) + ")" + alert;
    }

    /** {@code retraining triggered: credit 1, rule dataset_drift (dataset drift in 2 consecutive windows), policy P, windows ...: summary; trigger T} */
    static String triggerLine(RetrainingTrigger trigger) {
        String windows = trigger.getWindows().stream().map(window -> span(window.getStart(), window.getEnd()))
                .collect(Collectors.joining(", "));
        return "retraining triggered: " + safe(trigger.getModelName()) + ' ' + safe(trigger.getModelVersion()) + ", rule "
                + trigger.getRule() + " (" + trigger.getRuleDescription() + "), policy " + safe(String.valueOf(trigger.getPolicyId()))
                + ", windows " + windows + ": " + safe(trigger.getSummary()) + "; trigger " + trigger.getTriggerId();
    }

    private static String column(ColumnDrift column) {
        String tests = column.getTests().stream().filter(test -> test.getVerdict() == DriftVerdict.DRIFT).map(VerdictLog::test)
                .collect(Collectors.joining(", "));
        return safe(column.getFeature()) + (tests.isEmpty() ? "" : " " + tests);
    }

    private static String test(TestResult test) {
        return test.getTest() + " " + number(test.getStatistic()) + (test.getPValue() == null ? "" : " p " + number(test.getPValue()))
                + ", drift when " + test.getCondition();
    }

    private static String span(Instant start, Instant end) {
        String to = end.toString();
        return start + ".." + (to.substring(0, 10).equals(start.toString().substring(0, 10)) ? to.substring(11) : to);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** {@code text} on one line: control characters escaped, cut to {@value #NAME_CHARS_MAX} characters. */
    static String safe(String text) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), NAME_CHARS_MAX + 8));
        for (int i = 0; i < text.length(); i++) {
            if (safe.length() >= NAME_CHARS_MAX) {
                return safe.append("...(").append(text.length()).append(" chars)").toString();
            }
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
