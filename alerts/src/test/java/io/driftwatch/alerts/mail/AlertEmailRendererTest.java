package io.driftwatch.alerts.mail;

import io.driftwatch.alerts.SampleAlerts;
import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.QualityDirection;
import io.driftwatch.schemas.record.QualityFinding;
import jakarta.mail.Session;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEmailRendererTest {
    private static final RenderSettings SETTINGS = new RenderSettings("https://grafana.example.test/", 3);

    private static AlertGroup group(AlertEvent... events) {
        List<PendingAlert> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            alerts.add(new PendingAlert(events[i], 0, i));
        }
        return new AlertGroup(events[0].getModelName(), events[0].getModelVersion(), Instant.parse("2026-11-20T12:00:00Z"), alerts);
    }

    /** The demo incident: drift in two windows, then a retraining trigger. */
    static AlertGroup incident() {
        return group(SampleAlerts.drift("fraud", "v3", 4, "age"),
                SampleAlerts.event("fraud", "v3", 5, AlertKind.TRIGGER, AlertSeverity.CRITICAL, "5c0e9a1f2b",
                        List.of(SampleAlerts.numericFinding("age", 0.52, 1.2e-8), SampleAlerts.numericFinding("income", 0.18, 0.012),
                                SampleAlerts.categoricalFinding("country", 0.22))));
    }

    @Test
    void aFeatureNamedScriptIsShownEscapedAndNeverAsMarkup() {
        AlertEvent hostile = SampleAlerts.event("<b>m</b>", "v\"1", 0, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                List.of(SampleAlerts.numericFinding("<script>alert(1)</script>", 0.3, 0.004),
                        SampleAlerts.categoricalFinding("c&'x", 0.2)));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(hostile));

        assertThat(email.html()).doesNotContain("<script>").doesNotContain("<b>m</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;m&lt;/b&gt;").contains("c&amp;&#39;x")
                .contains("var-model=%3Cb%3Em%3C%2Fb%3E&amp;var-version=v%221");
        assertThat(email.text()).contains("- <script>alert(1)</script> — ks: p = 0.004 (drift when p <= 0.05), statistic D = 0.3;");
    }

    @Test
    void theSubjectHasNoLineBreakEvenWhenAFeatureNameCarriesHeaders() {
        AlertEvent injected = SampleAlerts.event("fraud", "v3", 0, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                List.of(SampleAlerts.numericFinding("age\r\nBcc: attacker@example.test", 0.4, 2.5e-5)));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(injected));

        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("[driftwatch WARNING] fraud v3: age Bcc: attacker@example.test drifted (ks p = 2.5e-05, drift when p <= 0.05)");
    }

    @Test
    void theSubjectNamesModelVersionWorstFindingAndTheTrigger() {
        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(incident());

        assertThat(email.subject())
                .isEqualTo("[driftwatch CRITICAL] fraud v3: age drifted (ks p = 1.2e-08, drift when p <= 0.05); retraining triggered (2 windows)");
    }

    @Test
    void aSchemaErrorIsTheWorstFindingWhateverTheDrift() {
        AlertEvent schema = SampleAlerts.event("fraud", "v3", 0, AlertKind.SCHEMA, AlertSeverity.CRITICAL, null,
                List.of(SampleAlerts.numericFinding("age", 0.9, 1e-12), SampleAlerts.schemaError("country")));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(schema));

        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] fraud v3: schema error: missing column country");
        assertThat(email.html()).contains("Schema findings").contains("<b>country</b>: missing column (error)");
    }

    @Test
    void thePlainTextRanksFeaturesByEffectWithTheirValuesWindowsLinkAndTrigger() {
        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(incident());

        assertThat(email.text()).contains("Trigger:       5c0e9a1f2b")
                .contains("Dashboard:     https://grafana.example.test/d/driftwatch?var-model=fraud&var-version=v3&from=")
                .contains("Compared with: baseline")
                .contains("- 2026-11-20T10:40:00Z to 2026-11-20T10:50:00Z: fraud v3: 2 drifted columns")
                .contains("- 2026-11-20T10:50:00Z to 2026-11-20T11:00:00Z: fraud v3: retraining triggered (dataset drift)");
        String text = email.text();
        assertThat(text.indexOf("- age — ks")).isPositive().isLessThan(text.indexOf("- country — jensen_shannon"));
        assertThat(text.indexOf("- country —")).isLessThan(text.indexOf("- income — ks"));
        assertThat(text).contains("- age — ks: p = 1.2e-08 (drift when p <= 0.05), statistic D = 0.52; mean 40.02 → 55.1, median 40 → 55\n")
                .contains("baseline → current: p5 31.8 → 46.9, p25 36.6 → 51.7, median 40 → 55")
                .contains("- country — jensen_shannon: 0.22 (drift when >= 0.1); DK 33.0% → 5.0%\n")
                .contains("- income — ks: p = 0.012 (drift when p <= 0.05), statistic D = 0.18; mean 40.02 → 55.1");
    }

    private static AlertEmail driftOf(AlertFinding finding) {
        return new AlertEmailRenderer(SETTINGS).render(group(SampleAlerts.event("fraud", "v3", 0, AlertKind.DRIFT,
                AlertSeverity.WARNING, null, List.of(finding))));
    }

    /** A ks finding turned into another test's, with that test's rule. */
    private static AlertFinding finding(String test, double statistic, @Nullable Double pValue, double threshold,
                                        @Nullable String condition) {
        return AlertFinding.newBuilder(SampleAlerts.numericFinding("age", statistic, 1e-9)).setTest(test).setPValue(pValue)
                .setThreshold(threshold).setCondition(condition).setDetail(condition == null ? "p <= 0.05" : condition).build();
    }

    @Test
    void aTriggerIsNamedWithTheRuleThatFiredAndThePolicyItFiredUnder() {
        AlertEvent trigger = AlertEvent.newBuilder(SampleAlerts.event("credit", "2.1", 5, AlertKind.TRIGGER,
                        AlertSeverity.CRITICAL, "7d1e0c", List.of(SampleAlerts.numericFinding("income", 0.52, 1.2e-8))))
                .setTriggerRule("dataset_drift: dataset drift in 1 consecutive window").setPolicyId("88583e1602cb").build();

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(trigger));

        assertThat(email.text()).contains(
                "Trigger:       7d1e0c (rule dataset_drift: dataset drift in 1 consecutive window, policy 88583e1602cb)\n");
        assertThat(email.html()).contains("7d1e0c (rule dataset_drift: dataset drift in 1 consecutive window, policy 88583e1602cb)");
    }

    @Test
    void aPValueTestReadsAsItsPValueAgainstTheRuleWithItsStatisticNamedBeside() {
        AlertEmail email = driftOf(finding("ks", 0.684, 1.2e-8, 0.05, "p <= 0.05"));

        assertThat(email.subject()).isEqualTo("[driftwatch WARNING] fraud v3: age drifted (ks p = 1.2e-08, drift when p <= 0.05)");
        assertThat(email.text()).contains("\n- age — ks: p = 1.2e-08 (drift when p <= 0.05), statistic D = 0.684; mean 40.02 → 55.1, median 40 → 55\n");
        assertThat(email.html()).contains(">ks: p = 1.2e-08 (drift when p &lt;= 0.05), statistic D = 0.684</td>")
                .doesNotContain("0.684 (0.05)").doesNotContain("0.684 <span");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chi_square       | 10.66  | 0.0049  | p < 0.05  | chi_square: p = 0.0049 (drift when p < 0.05), statistic χ² = 10.66",
            "chi_square_contingency | 22.34 | 1.4e-5 | p < 0.05 | chi_square_contingency: p = 1.4e-05 (drift when p < 0.05), statistic χ² = 22.34",
            "z_test           | -8.798 | 1.4e-18 | p < 0.05  | z_test: p = 1.4e-18 (drift when p < 0.05), statistic z = -8.798",
            "cramer_von_mises | 2.31   | 3.1e-6  | p <= 0.05 | cramer_von_mises: p = 3.1e-06 (drift when p <= 0.05), statistic T = 2.31",
            "mann_whitney     | 21034  | 0.0007  | p <= 0.05 | mann_whitney: p = 0.0007 (drift when p <= 0.05), statistic U = 21030",
            "t_test_welch     | -4.52  | 8.7e-6  | p <= 0.05 | t_test_welch: p = 8.7e-06 (drift when p <= 0.05), statistic t = -4.52"})
    void everyPValueTestNamesItsStatisticBesideItsPValue(String test, double statistic, double pValue, String condition, String line) {
        AlertEmail email = driftOf(finding(test, statistic, pValue, 0.05, condition));

        assertThat(email.text()).contains("- age — " + line + ";");
        assertThat(email.html()).contains(">" + line.replace("<", "&lt;") + "</td>");
    }

    @Test
    void aDistanceReadsAsItsStatisticAgainstTheRule() {
        AlertEmail email = driftOf(finding("wasserstein", 0.31, null, 0.1, "statistic >= 0.1"));

        assertThat(email.subject()).isEqualTo("[driftwatch WARNING] fraud v3: age drifted (wasserstein 0.31, drift when >= 0.1)");
        assertThat(email.text()).contains("\n- age — wasserstein: 0.31 (drift when >= 0.1); mean 40.02 → 55.1");
        assertThat(email.html()).contains(">wasserstein: 0.31 (drift when &gt;= 0.1)</td>");
    }

    @Test
    void aFindingFromAWriterBeforeSchemaThreeSaysItsPValueWasNotRecorded() {
        AlertEmail email = driftOf(finding("ks", 0.684, null, 0.05, null));

        assertThat(email.subject()).isEqualTo("[driftwatch WARNING] fraud v3: age drifted (ks statistic D = 0.684, p-value not recorded)");
        assertThat(email.text()).contains("\n- age — ks: statistic D = 0.684 (drift when p <= 0.05; the p-value was not recorded); mean");
    }

    private static QualityFinding qualityFinding(String metric, QualityDirection better, double value, long labelled, String rule,
                                                 double limit, double worseBy, @Nullable Double reference, @Nullable String basis) {
        return QualityFinding.newBuilder().setMetric(metric).setBetter(better).setValue(value).setLabelled(labelled).setRule(rule)
                .setLimit(limit).setWorseBy(worseBy).setReference(reference).setReferenceBasis(basis).build();
    }

    @Test
    void aBrokenQualityThresholdIsTheHeadlineTheSubjectAndASectionOfTheEmail() {
        AlertEvent quality = SampleAlerts.quality("churn", "v2", 1, qualityFinding("accuracy", QualityDirection.HIGHER, 0.52, 400,
                "quality_threshold", 0.75, 0.23, 0.92, "BASELINE"));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(quality));

        assertThat(email.subject())
                .isEqualTo("[driftwatch CRITICAL] churn v2: accuracy 0.52, below the rule's 0.75 (quality_threshold); retraining triggered");
        assertThat(email.text()).startsWith("""
                        CRITICAL: churn v2: quality below its threshold (accuracy); retraining triggered

                        Worst: accuracy 0.52, below the rule's 0.75 (quality_threshold)
                        What to do: the model's measured quality broke its rule, so retraining was triggered and CI should retrain.""")
                .contains("\nModel quality:\n- accuracy 0.52, below the rule's 0.75 (quality_threshold); 0.92 on the validation set; "
                        + "400 labelled predictions in the window from 2026-11-20T10:10:00Z\n")
                .contains("Trigger:       quality-trigger-1\n")
                .doesNotContain("Compared with").doesNotContain("Drifted features");
        assertThat(email.html()).contains(">churn v2: quality below its threshold (accuracy); retraining triggered</div>")
                .contains(">Model quality</h2>")
                .contains("<li>accuracy 0.52, below the rule&#39;s 0.75 (quality_threshold); 0.92 on the validation set; "
                        + "400 labelled predictions in the window from 2026-11-20T10:10:00Z</li>");
    }

    @Test
    void aQualityDropNamesTheValidationSetsValueTheDropAndTheRule() {
        AlertEvent quality = SampleAlerts.quality("churn", "v2", 1, qualityFinding("accuracy", QualityDirection.HIGHER, 0.80, 40,
                "quality_drop", 0.05, 0.95 - 0.80, 0.95, "BASELINE"));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(quality));

        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] churn v2: accuracy 0.8 against 0.95 on the validation set, "
                + "a drop of 0.15, more than the rule's 0.05 (quality_drop); retraining triggered");
        assertThat(email.text()).startsWith("CRITICAL: churn v2: quality dropped against the baseline (accuracy); retraining triggered\n")
                .contains("\n- accuracy 0.8 against 0.95 on the validation set, a drop of 0.15, more than the rule's 0.05 (quality_drop); "
                        + "40 labelled predictions in the window from 2026-11-20T10:10:00Z\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "rmse       | LOWER       | 14.2 | quality_threshold | 10 | 4.2 | -   | -               | rmse 14.2, above the rule's 10 (quality_threshold)",
            "rmse       | LOWER       | 14.2 | quality_drop      | 2  | 4.4 | 9.8 | PREVIOUS_WINDOW | rmse 14.2 against 9.8 in the previous window, a rise of 4.4, more than the rule's 2 (quality_drop)",
            "mean_error | NEARER_ZERO | -3.1 | quality_threshold | 2  | 1.1 | -   | -               | mean_error -3.1, further from 0 than the rule's 2 (quality_threshold)",
            "macro_f1   | HIGHER      | 0.61 | quality_drop      | 0.1 | 0.2 | 0.81 | PREVIOUS_WINDOW | macro_f1 0.61 against 0.81 in the previous window, a drop of 0.2, more than the rule's 0.1 (quality_drop)"})
    void everyQualityMetricIsSaidToMoveTheWayThatIsWorseForIt(String metric, QualityDirection better, double value, String rule,
                                                              double limit, double worseBy, @Nullable Double reference,
                                                              @Nullable String basis, String sentence) {
        AlertEvent quality = SampleAlerts.quality("churn", "v2", 1, qualityFinding(metric, better, value, 40, rule, limit, worseBy,
                reference, basis));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(quality));

        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] churn v2: " + sentence + "; retraining triggered");
    }

    @Test
    void qualityAndDriftInOneEmailLeadWithQualityAndKeepBothSections() {
        AlertEvent quality = SampleAlerts.quality("fraud", "v3", 1, qualityFinding("accuracy", QualityDirection.HIGHER, 0.52, 400,
                "quality_threshold", 0.75, 0.23, null, null));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(SampleAlerts.drift("fraud", "v3", 0, "age"), quality));

        assertThat(email.subject()).isEqualTo(
                "[driftwatch CRITICAL] fraud v3: accuracy 0.52, below the rule's 0.75 (quality_threshold); retraining triggered (2 windows)");
        String text = email.text();
        assertThat(text).contains("Compared with: baseline\n")
                .contains("\n- accuracy 0.52, below the rule's 0.75 (quality_threshold); 400 labelled predictions in the window from "
                        + "2026-11-20T10:10:00Z\n");
        assertThat(text.indexOf("Model quality:")).isPositive().isLessThan(text.indexOf("Drifted features, largest effect first:"));
    }

    @Test
    void eachTopFeatureGetsAnInlinePngChartTheHtmlRefersToByContentId() throws IOException {
        AlertEmail email = new AlertEmailRenderer(new RenderSettings("", 2)).render(incident());

        assertThat(email.images()).extracting(InlineImage::contentId).containsExactly("chart-1@driftwatch", "chart-2@driftwatch");
        for (InlineImage image : email.images()) {
            assertThat(email.html()).contains("src=\"cid:" + image.contentId() + "\"");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
            assertThat(png.getWidth()).isEqualTo(2 * DistributionChart.WIDTH);
            assertThat(png.getHeight()).isEqualTo(2 * DistributionChart.HEIGHT);
        }
        assertThat(email.html()).doesNotContain("Open the dashboard");
    }

    @Test
    void theChartShowsReferenceBarsLeftAndCurrentBarsRightOfTheMiddle() throws IOException {
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(
                DistributionChart.png(SampleAlerts.numericFinding("age", 0.4, 2.5e-5).getSummary(), "baseline").orElseThrow()));
        int referenceLeft = 0;
        int currentLeft = 0;
        int referenceRight = 0;
        int currentRight = 0;
        for (int x = 0; x < chart.getWidth(); x++) {
            for (int y = 60; y < chart.getHeight(); y++) {
                int rgb = chart.getRGB(x, y) & 0xffffff;
                boolean left = x < chart.getWidth() / 2;
                if (rgb == (DistributionChart.REFERENCE.getRGB() & 0xffffff)) {
                    if (left) referenceLeft++; else referenceRight++;
                } else if (rgb == (DistributionChart.CURRENT.getRGB() & 0xffffff)) {
                    if (left) currentLeft++; else currentRight++;
                }
            }
        }
        assertThat(referenceLeft).isGreaterThan(3 * referenceRight);
        assertThat(currentRight).isGreaterThan(3 * currentLeft);
    }

    /** Writes the demo incident as .eml and .html under target/sample-email, for alerts/render/render-email.py. */
    @Test
    void theSampleEmailIsSavedAsEmlAndHtmlFiles() throws Exception {
        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(incident());
        var message = MimeMessages.build(Session.getInstance(new Properties()), email, "driftwatch@example.test",
                List.of("oncall@example.test"), incident().alertIds(), Instant.parse("2026-11-20T11:05:00Z"));

        Path html = EmailFiles.save(Path.of("target", "sample-email"), "fraud-v3", email, message);

        assertThat(Files.readString(html)).contains("data:image/png;base64,").doesNotContain("cid:");
        String eml = Files.readString(html.resolveSibling("fraud-v3.eml"));
        assertThat(eml).contains("multipart/alternative").contains("multipart/related").contains("Content-ID: <chart-1@driftwatch>")
                .contains("text/plain; charset=UTF-8").contains("text/html; charset=UTF-8");
    }
}
