package io.driftwatch.alerts.mail;

import io.driftwatch.alerts.SampleAlerts;
import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

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
                        List.of(SampleAlerts.numericFinding("age", 0.52), SampleAlerts.numericFinding("income", 0.18),
                                SampleAlerts.categoricalFinding("country", 0.22))));
    }

    @Test
    void aFeatureNamedScriptIsShownEscapedAndNeverAsMarkup() {
        AlertEvent hostile = SampleAlerts.event("<b>m</b>", "v\"1", 0, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                List.of(SampleAlerts.numericFinding("<script>alert(1)</script>", 0.3),
                        SampleAlerts.categoricalFinding("c&'x", 0.2)));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(hostile));

        assertThat(email.html()).doesNotContain("<script>").doesNotContain("<b>m</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;m&lt;/b&gt;").contains("c&amp;&#39;x")
                .contains("var-model=%3Cb%3Em%3C%2Fb%3E&amp;var-version=v%221");
        assertThat(email.text()).contains("<script>alert(1)</script>: ks 0.3 (threshold 0.1)");
    }

    @Test
    void theSubjectHasNoLineBreakEvenWhenAFeatureNameCarriesHeaders() {
        AlertEvent injected = SampleAlerts.event("fraud", "v3", 0, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                List.of(SampleAlerts.numericFinding("age\r\nBcc: attacker@example.test", 0.4)));

        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(group(injected));

        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("[driftwatch WARNING] fraud v3: age Bcc: attacker@example.test drifted (ks 0.4, threshold 0.1)");
    }

    @Test
    void theSubjectNamesModelVersionWorstFindingAndTheTrigger() {
        AlertEmail email = new AlertEmailRenderer(SETTINGS).render(incident());

        assertThat(email.subject()).isEqualTo("[driftwatch CRITICAL] fraud v3: age drifted (ks 0.52, threshold 0.1); retraining triggered (2 windows)");
    }

    @Test
    void aSchemaErrorIsTheWorstFindingWhateverTheDrift() {
        AlertEvent schema = SampleAlerts.event("fraud", "v3", 0, AlertKind.SCHEMA, AlertSeverity.CRITICAL, null,
                List.of(SampleAlerts.numericFinding("age", 0.9), SampleAlerts.schemaError("country")));

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
        assertThat(text.indexOf("- age: ks 0.52")).isPositive().isLessThan(text.indexOf("- country: jensen_shannon 0.22"));
        assertThat(text.indexOf("- country:")).isLessThan(text.indexOf("- income: ks 0.18"));
        assertThat(text).contains("- age: ks 0.52 (threshold 0.1); mean 40.02 → 55.1, median 40 → 55")
                .contains("baseline → current: p5 31.8 → 46.9, p25 36.6 → 51.7, median 40 → 55")
                .contains("- country: jensen_shannon 0.22 (threshold 0.1); DK 33.0% → 5.0%");
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
                DistributionChart.png(SampleAlerts.numericFinding("age", 0.4).getSummary(), "baseline").orElseThrow()));
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
