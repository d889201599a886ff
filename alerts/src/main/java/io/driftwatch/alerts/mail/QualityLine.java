package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.QualityFinding;

/**
 * A quality finding in words: the metric, its value, the rule it broke and the reference quality when there
 * is one, e.g. "accuracy 0.52, below the rule's 0.75 (quality_threshold)" or "accuracy 0.8 against 0.95 on
 * the validation set, a drop of 0.15, more than the rule's 0.05 (quality_drop)". Which way is worse comes
 * with the finding, so an error reads "above" its threshold and "a rise", the mean error "further from 0".
 * An estimate made before labels reads as one ({@link EstimateLine}).
 */
final class QualityLine {
    // QualityTriggerPolicy.DROP_RULE, written out because the mailer depends on the alert event only.
    private static final String DROP_RULE = "quality_drop";

    private QualityLine() {
    }

    /** For the subject and the worst finding. */
    static String sentence(AlertEvent window) {
        return sentence(finding(window));
    }

    /** For the body: the sentence, the baseline's value when the rule did not compare with it, and the labels behind the value. */
    static String full(AlertEvent window) {
        QualityFinding finding = finding(window);
        if (EstimateLine.isEstimate(finding)) {
            return EstimateLine.full(finding, window.getWindowStart());
        }
        StringBuilder line = new StringBuilder(sentence(finding));
        Double reference = finding.getReference();
        if (!DROP_RULE.equals(finding.getRule()) && reference != null) {
            line.append("; ").append(Figures.of(reference)).append(' ').append(referenceName(finding));
        }
        return line.append("; ").append(finding.getLabelled()).append(" labelled predictions in the window from ")
                .append(window.getWindowStart()).toString();
    }

    private static QualityFinding finding(AlertEvent window) {
        QualityFinding finding = window.getQuality();
        if (finding == null) {
            throw new IllegalArgumentException("alert " + window.getAlertId() + " carries no quality finding");
        }
        return finding;
    }

    /** Whether the window's finding is an estimate made before labels rather than a measured value. */
    static boolean estimated(AlertEvent window) {
        return EstimateLine.isEstimate(finding(window));
    }

    private static String sentence(QualityFinding finding) {
        if (EstimateLine.isEstimate(finding)) {
            return EstimateLine.sentence(finding);
        }
        String value = finding.getMetric() + " " + Figures.of(finding.getValue());
        String rule = "the rule's " + Figures.of(finding.getLimit()) + " (" + finding.getRule() + ")";
        Double reference = finding.getReference();
        if (DROP_RULE.equals(finding.getRule()) && reference != null) {
            return value + " against " + Figures.of(reference) + " " + referenceName(finding) + ", " + change(finding)
                    + ", more than " + rule;
        }
        return value + ", " + past(finding) + " " + rule;
    }

    private static String past(QualityFinding finding) {
        return switch (finding.getBetter()) {
            case HIGHER -> "below";
            case LOWER -> "above";
            case NEARER_ZERO -> "further from 0 than";
        };
    }

    private static String change(QualityFinding finding) {
        String amount = Figures.of(finding.getWorseBy());
        return switch (finding.getBetter()) {
            case HIGHER -> "a drop of " + amount;
            case LOWER -> "a rise of " + amount;
            case NEARER_ZERO -> amount + " further from 0";
        };
    }

    private static String referenceName(QualityFinding finding) {
        return "PREVIOUS_WINDOW".equals(finding.getReferenceBasis()) ? "in the previous window" : "on the validation set";
    }
}
