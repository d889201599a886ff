package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.EstimateFinding;
import io.driftwatch.schemas.record.QualityFinding;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An estimated-quality finding in words, so that nobody takes an estimate made before any label for a measured value:
 * it is named "estimated", shown with its ±3 SE band and the predictions it is made of, against the level it fell
 * below, with the labels so far, e.g. "estimated accuracy 0.5519 (0.4776–0.6262, ±3 SE) on 300 predictions, below the
 * reference's lower threshold 0.707". A finding from a writer before the estimate's details reads "estimated" all the
 * same.
 */
final class EstimateLine {
    // EstimatedTriggerPolicy.RULE, written out because the mailer depends on the alert event only.
    static final String RULE = "estimated_quality";

    private EstimateLine() {
    }

    static boolean isEstimate(QualityFinding finding) {
        return RULE.equals(finding.getRule());
    }

    /** For the subject and the worst finding: the estimate, its band and the level it broke. */
    static String sentence(QualityFinding finding) {
        StringBuilder line = new StringBuilder("estimated ").append(finding.getMetric()).append(' ')
                .append(Figures.of(finding.getValue()));
        EstimateFinding estimate = finding.getEstimate();
        if (estimate != null) {
            line.append(" (").append(Figures.of(estimate.getLower())).append('–').append(Figures.of(estimate.getUpper()))
                    .append(", ±3 SE) on ").append(estimate.getPredictions()).append(" predictions");
        }
        return line.append(", ").append(limit(finding, estimate)).toString();
    }

    /** For the body: the sentence, how far bounded state may move it, the labels so far and what it is made from. */
    static String full(QualityFinding finding, Instant windowStart) {
        StringBuilder line = new StringBuilder(sentence(finding));
        EstimateFinding estimate = finding.getEstimate();
        if (estimate != null && estimate.getErrorBound() > 0) {
            line.append("; within ±").append(Figures.of(estimate.getErrorBound())).append(" of the exact estimate (bounded window state)");
        }
        line.append("; ").append(labels(finding.getLabelled())).append("; estimated from the model's scores before labels (CBPE");
        if (estimate != null) {
            line.append(", baseline ").append(estimate.getBaselineId());
        }
        return line.append("), window from ").append(windowStart).toString();
    }

    private static String limit(QualityFinding finding, @Nullable EstimateFinding estimate) {
        String level = Figures.of(finding.getLimit());
        boolean reference = estimate != null && estimate.getThresholdLower() != null
                && estimate.getThresholdLower() == finding.getLimit();
        return "below " + (reference ? "the reference's lower threshold " : "the rule's ") + level;
    }

    private static String labels(long labelled) {
        if (labelled == 0) {
            return "no labels yet";
        }
        return labelled + (labelled == 1 ? " label" : " labels") + " so far";
    }
}
