package io.driftwatch.alerts.mail;

import io.driftwatch.alerts.SampleAlerts;
import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.EstimateFinding;
import io.driftwatch.schemas.record.QualityDirection;
import io.driftwatch.schemas.record.QualityFinding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An estimated_quality alert reads as an estimate made before labels, never as a measured value: "estimated", its
 * ±3 SE band, the predictions behind it, the level it fell below and the labels so far.
 */
class EstimatedQualityEmailTest {
    private static final RenderSettings SETTINGS = new RenderSettings("https://grafana.example.test/", 3);
    private static final String BASELINE_ID = "churn/v2/0123456789abcdef";

    private static AlertGroup group(AlertEvent event) {
        return new AlertGroup(event.getModelName(), event.getModelVersion(), Instant.parse("2026-11-20T12:00:00Z"),
                List.of(new PendingAlert(event, 0, 0)));
    }

    private static QualityFinding estimated(double limit, long labelled, double errorBound) {
        EstimateFinding estimate = EstimateFinding.newBuilder().setPredictions(300).setSamplingError(0.0248).setLower(0.4775)
                .setUpper(0.6263).setThresholdLower(0.7071).setThresholdUpper(0.8).setErrorBound(errorBound)
                .setBaselineId(BASELINE_ID).build();
        return QualityFinding.newBuilder().setMetric("accuracy").setBetter(QualityDirection.HIGHER).setValue(0.5519)
                .setLabelled(labelled).setRule("estimated_quality").setLimit(limit).setWorseBy(limit - 0.5519)
                .setReference(null).setReferenceBasis(null).setEstimate(estimate).build();
    }

    @Test
    void anEstimateBelowTheReferenceThresholdIsSaidToBeAnEstimateWithItsBandPredictionsAndNoLabelsYet() {
        AlertEvent event = SampleAlerts.quality("churn", "v2", 1, estimated(0.7071, 0, 0));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(event));

        String sentence = "estimated accuracy 0.5519 (0.4775–0.6263, ±3 SE) on 300 predictions, below the reference's lower "
                + "threshold 0.7071";
        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] churn v2: " + sentence + "; retraining triggered");
        List<String> lines = email.text().lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly(
                "CRITICAL: churn v2: estimated quality fell, before its labels (accuracy); retraining triggered",
                "",
                "Worst: " + sentence,
                "What to do: the model's quality, ESTIMATED from its scores before any label (CBPE), fell below its reference, "
                        + "so retraining was triggered and CI should retrain. It is an estimate, not a measurement: check whether "
                        + "the scores shifted (new inputs, a changed calibration), and compare the realized quality when the "
                        + "labels come; drifted features, if listed, say what changed in the inputs.");
        String line = sentence + "; no labels yet; estimated from the model's scores before labels (CBPE, baseline " + BASELINE_ID
                + "), window from 2026-11-20T10:10:00Z";
        assertThat(lines.get(lines.indexOf("Model quality:") + 1)).isEqualTo("- " + line);
        assertThat(email.text()).doesNotContain("measured").doesNotContain("labelled predictions");
        assertThat(email.html()).contains(">churn v2: estimated quality fell, before its labels (accuracy); retraining triggered</div>")
                .contains("<li>" + line.replace("'", "&#39;") + "</li>");
    }

    @Test
    void anEstimateBelowTheRulesOwnLevelNamesTheRuleItsErrorBoundAndTheLabelsSoFar() {
        AlertEvent event = SampleAlerts.quality("churn", "v2", 1, estimated(0.6, 12, 0.002));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(event));

        String sentence = "estimated accuracy 0.5519 (0.4775–0.6263, ±3 SE) on 300 predictions, below the rule's 0.6";
        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] churn v2: " + sentence + "; retraining triggered");
        List<String> lines = email.text().lines().toList();
        assertThat(lines.get(2)).isEqualTo("Worst: " + sentence);
        assertThat(lines.get(lines.indexOf("Model quality:") + 1)).isEqualTo("- " + sentence + "; within ±0.002 of the exact estimate "
                + "(bounded window state); 12 labels so far; estimated from "
                + "the model's scores before labels (CBPE, baseline " + BASELINE_ID + "), window from 2026-11-20T10:10:00Z");
    }

    @Test
    void aMeasuredQualityAlertBesideAnEstimateKeepsTheMeasuredAdvice() {
        AlertEvent estimate = SampleAlerts.quality("churn", "v2", 1, estimated(0.7071, 0, 0));
        AlertEvent measured = SampleAlerts.quality("churn", "v2", 2, QualityFinding.newBuilder().setMetric("accuracy")
                .setBetter(QualityDirection.HIGHER).setValue(0.52).setLabelled(400).setRule("quality_threshold").setLimit(0.75)
                .setWorseBy(0.23).build());
        AlertGroup both = new AlertGroup("churn", "v2", Instant.parse("2026-11-20T12:00:00Z"),
                List.of(new PendingAlert(estimate, 0, 0), new PendingAlert(measured, 0, 1)));

        List<String> lines = new AlertEmailRenderer(SETTINGS).render(both).text().lines().toList();

        assertThat(lines.get(2)).isEqualTo("Worst: accuracy 0.52, below the rule's 0.75 (quality_threshold)");
        assertThat(lines.get(3)).startsWith("What to do: the model's measured quality broke its rule");
        int section = lines.indexOf("Model quality:");
        assertThat(lines.subList(section + 1, section + 3)).containsExactly(
                "- estimated accuracy 0.5519 (0.4775–0.6263, ±3 SE) on 300 predictions, below the reference's lower threshold "
                        + "0.7071; no labels yet; estimated from the model's scores before labels (CBPE, baseline " + BASELINE_ID
                        + "), window from 2026-11-20T10:10:00Z",
                "- accuracy 0.52, below the rule's 0.75 (quality_threshold); 400 labelled predictions in the window from "
                        + "2026-11-20T10:20:00Z");
    }
}
