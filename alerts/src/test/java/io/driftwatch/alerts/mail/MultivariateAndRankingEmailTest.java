package io.driftwatch.alerts.mail;

import io.driftwatch.alerts.SampleAlerts;
import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.MultivariateFinding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multivariate (PCA reconstruction) drift reads as the features moving together unlike in training, with its value,
 * band, rows and the threshold it passed; a ranking heads the drifted features, which keep the stream's rank order and
 * show their rank.
 */
class MultivariateAndRankingEmailTest {
    private static final RenderSettings SETTINGS = new RenderSettings("https://grafana.example.test/", 3);
    private static final String ALERT_COUNT = "alert count over the last 10 windows";

    private static AlertGroup group(AlertEvent... events) {
        List<PendingAlert> alerts = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            alerts.add(new PendingAlert(events[i], 0, i));
        }
        return new AlertGroup(events[0].getModelName(), events[0].getModelVersion(), Instant.parse("2026-11-20T12:00:00Z"), alerts);
    }

    private static MultivariateFinding pca(double value, List<String> features) {
        return MultivariateFinding.newBuilder().setMethod("pca_reconstruction_error").setValue(value).setRows(1000)
                .setSamplingError(0.0234).setThresholdLower(0.4102).setThresholdUpper(0.531).setFeatures(features).build();
    }

    /** A multivariate-only alert as the stream writes it: kind DRIFT, severity WARNING, no feature finding. */
    private static AlertEvent multivariateOnly(int window, MultivariateFinding finding) {
        return AlertEvent.newBuilder(SampleAlerts.event("credit", "v1", window, AlertKind.DRIFT, AlertSeverity.WARNING, null, List.of()))
                .setTitle("credit v1: multivariate drift (PCA reconstruction error 1.02 above 0.53)").setMultivariate(finding).build();
    }

    private static AlertFinding ranked(AlertFinding finding, int rank) {
        return AlertFinding.newBuilder(finding).setRank(rank).build();
    }

    private static AlertEvent rankedDrift(int window, List<AlertFinding> findingsInRankOrder) {
        return AlertEvent.newBuilder(SampleAlerts.event("credit", "v1", window, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                findingsInRankOrder)).setRanking(ALERT_COUNT).build();
    }

    @Test
    void aMultivariateOnlyAlertSaysTheFeaturesMoveTogetherWithItsValueBandRowsAndThreshold() {
        AlertEvent event = multivariateOnly(1, pca(1.0214, List.of("age", "income", "debt", "tenure")));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(event));

        String brief = "multivariate drift: PCA reconstruction error 1.021 above the reference's upper threshold 0.531";
        assertThat(email.subject()).isEqualTo("[driftwatch WARNING] credit v1: " + brief);
        List<String> lines = email.text().lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly(
                "WARNING: credit v1: multivariate drift (PCA reconstruction error 1.02 above 0.53)",
                "",
                "Worst: " + brief,
                "What to do: the features move together otherwise than in training, though none drifted enough alone to alert. "
                        + "Look for a changed population mix (a new segment, channel or region) or a feed that pairs values from "
                        + "different rows; retraining is not triggered yet.");
        String details = "PCA reconstruction error 1.021 (±3 SE 0.9512–1.092) on 1,000 inferences, above the reference's upper "
                + "threshold 0.531; the 4 features (age, income, debt, tenure) move together unlike in training, though no single "
                + "feature need drift; window from 2026-11-20T10:10:00Z";
        assertThat(lines).contains("Multivariate drift: " + details).noneMatch(line -> line.startsWith("Drifted features"));
        assertThat(email.html()).contains("<b>Multivariate drift:</b> " + details.replace("'", "&#39;") + "</p>")
                .doesNotContain("Drifted features");
    }

    @Test
    void anErrorBelowTheLowerThresholdSaysSoAndAWideFitNamesItsFirstEightFeatures() {
        List<String> features = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            features.add("f" + i);
        }
        AlertEvent event = multivariateOnly(1, MultivariateFinding.newBuilder(pca(0.3, features)).setSamplingError(null).build());

        String text = new AlertEmailRenderer(SETTINGS).render(group(event)).text();

        assertThat(text).contains("Multivariate drift: PCA reconstruction error 0.3 on 1,000 inferences, below the reference's lower "
                + "threshold 0.4102; the 11 features (f1, f2, f3, f4, f5, f6, f7, f8 and 3 more) move together unlike in training");
    }

    @Test
    void rankedFindingsKeepTheStreamsOrderUnderTheRankingWithTheirRanks() {
        // By effect, age (p = 1.2e-8) would come first; the ranking puts income first.
        AlertEvent event = rankedDrift(1, List.of(ranked(SampleAlerts.numericFinding("income", 0.18, 0.012), 1),
                ranked(SampleAlerts.numericFinding("age", 0.52, 1.2e-8), 2), ranked(SampleAlerts.categoricalFinding("country", 0.22), 3)));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(event));

        List<String> lines = email.text().lines().toList();
        int heading = lines.indexOf("Drifted features, ranked by alert count over the last 10 windows:");
        assertThat(heading).isPositive();
        assertThat(lines.get(heading + 1)).startsWith("- #1 income — ks: p = 0.012 (drift when p <= 0.05)");
        assertThat(lines.get(heading + 3)).startsWith("- #2 age — ks: p = 1.2e-08");
        assertThat(lines.get(heading + 5)).startsWith("- #3 country — jensen_shannon: 0.22");
        assertThat(lines.get(2)).isEqualTo("Worst: income drifted (ks p = 0.012, drift when p <= 0.05)");
        String html = email.html();
        assertThat(html).contains(">Drifted features, ranked by alert count over the last 10 windows</h2>").contains(">rank</th>");
        assertThat(html.indexOf(">#1</td>")).isPositive().isLessThan(html.indexOf("<b>income</b>"));
        assertThat(html.indexOf("<b>income</b>")).isLessThan(html.indexOf("<b>age</b>"));
        assertThat(html.indexOf("<b>age</b>")).isLessThan(html.indexOf("<b>country</b>"));
    }

    @Test
    void overSeveralWindowsTheNewestRankingOrdersTheFeaturesEachShownAtItsStrongestWindow() {
        AlertEvent earlier = rankedDrift(1, List.of(ranked(SampleAlerts.numericFinding("age", 0.52, 1.2e-8), 1),
                ranked(SampleAlerts.numericFinding("income", 0.18, 0.012), 2)));
        AlertEvent later = rankedDrift(2, List.of(ranked(SampleAlerts.numericFinding("income", 0.2, 0.01), 1),
                ranked(SampleAlerts.numericFinding("age", 0.3, 0.001), 2), ranked(SampleAlerts.categoricalFinding("country", 0.22), 3)));

        List<String> lines = new AlertEmailRenderer(SETTINGS).render(group(later, earlier)).text().lines().toList();

        int heading = lines.indexOf("Drifted features, ranked by alert count over the last 10 windows:");
        assertThat(lines.subList(heading + 1, lines.size())).filteredOn(line -> line.startsWith("- #")).extracting(line -> line.substring(0, line.indexOf(" —")))
                .containsExactly("- #1 income", "- #2 age", "- #3 country");
        assertThat(lines).anyMatch(line -> line.startsWith("- #2 age — ks: p = 1.2e-08"))
                .anyMatch(line -> line.startsWith("- #1 income — ks: p = 0.01 (drift when p <= 0.05), statistic D = 0.2;"));
    }

    @Test
    void withoutARankingTheFeaturesStayLargestEffectFirstWithNoRank() {
        AlertEvent event = SampleAlerts.event("credit", "v1", 1, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                List.of(SampleAlerts.numericFinding("income", 0.18, 0.012), SampleAlerts.numericFinding("age", 0.52, 1.2e-8)));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(event));

        List<String> lines = email.text().lines().toList();
        int heading = lines.indexOf("Drifted features, largest effect first:");
        assertThat(lines.get(heading + 1)).startsWith("- age — ks");
        assertThat(email.text()).doesNotContain("#1");
        assertThat(email.html()).doesNotContain(">rank</th>");
    }

    @Test
    void aMultivariateWindowGroupedWithARankedDriftWindowKeepsBothAndLeadsWithTheTopRankedFeature() {
        AlertEvent multivariate = multivariateOnly(1, pca(1.0214, List.of("age", "income")));
        AlertEvent drift = AlertEvent.newBuilder(rankedDrift(2, List.of(ranked(SampleAlerts.numericFinding("income", 0.18, 0.012), 1))))
                .setMultivariate(pca(0.9, List.of("age", "income"))).build();

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(drift, multivariate));

        assertThat(email.subject()).isEqualTo("[driftwatch WARNING] credit v1: income drifted (ks p = 0.012, drift when p <= 0.05) (2 windows)");
        List<String> lines = email.text().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("Multivariate drift: ")).extracting(line -> line.substring(line.length() - 20))
                .containsExactly("2026-11-20T10:10:00Z", "2026-11-20T10:20:00Z");
        assertThat(lines.get(3)).startsWith("What to do: compare the features below with the baseline.");
        assertThat(lines).contains("- #1 income — ks: p = 0.012 (drift when p <= 0.05), statistic D = 0.18; mean 40.02 → 55.1, median 40 → 55");
    }

    @Test
    void aMultivariateDriftTriggerNamesItsRuleAndSaysRetrainingWasTriggered() {
        AlertEvent trigger = AlertEvent.newBuilder(multivariateOnly(3, pca(1.0214, List.of("age", "income"))))
                .setKind(AlertKind.TRIGGER).setSeverity(AlertSeverity.CRITICAL).setTriggerId("9b2f41")
                .setTitle("credit v1: retraining triggered (multivariate drift)")
                .setTriggerRule("multivariate_drift: multivariate drift in 2 consecutive windows").build();

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(trigger));

        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] credit v1: multivariate drift: PCA reconstruction error 1.021 "
                + "above the reference's upper threshold 0.531; retraining triggered");
        List<String> lines = email.text().lines().toList();
        assertThat(lines.get(3)).endsWith("or a feed that pairs values from different rows; retraining was triggered, so CI should retrain.");
        assertThat(lines).contains("Trigger:       9b2f41 (rule multivariate_drift: multivariate drift in 2 consecutive windows)");
    }
}
