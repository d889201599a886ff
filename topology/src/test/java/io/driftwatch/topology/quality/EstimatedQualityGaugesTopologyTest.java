package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.QualityReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimate's gauges, set up as {@link EstimatedPerformanceTopologyTest} is (a binary model whose baseline carries a
 * CBPE fit): they hold the newest window's complete estimate, an incomplete one changes nothing, a label update of an
 * older window does not bring that window back, and a metric the newest estimate lacks reads NaN.
 */
class EstimatedQualityGaugesTopologyTest {
    private static final Instant T0 = EstimatingModel.T0;
    private static final Duration WINDOW = EstimatingModel.WINDOW;
    private static final Duration GRACE = EstimatingModel.GRACE;
    private static final int PER_WINDOW = 300;
    // Boxed, so that a gauge reading NaN equals it (Double.equals).
    private static final Double NO_THRESHOLD = Double.NaN;

    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Random random = new Random(11);
    private EstimatingModel model;

    @BeforeEach
    void start() {
        model = new EstimatingModel(stateDirectory, meters, random);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** Predictions of window {@code index} with scores drawn between {@code low} and {@code high}. */
    private void window(int index, double low, double high) {
        Instant start = T0.plus(WINDOW.multipliedBy(index));
        for (int i = 0; i < PER_WINDOW; i++) {
            model.predict("w" + index + "-" + i, start.plusSeconds(i), low + (high - low) * random.nextDouble());
        }
    }

    /** One prediction past window {@code index}'s grace: the predictions' clock completes its estimate. */
    private void completeWindow(int index) {
        model.predict("after-" + index, T0.plus(WINDOW.multipliedBy(index + 1L)).plus(GRACE).plusSeconds(30), 0.9);
    }

    private static QualityReport lastOf(List<QualityReport> all, int window) {
        Instant start = T0.plus(WINDOW.multipliedBy(window));
        List<QualityReport> ofWindow = all.stream().filter(report -> report.getWindowStart().equals(start)).toList();
        assertThat(ofWindow).as("reports of window %d", window).isNotEmpty();
        return ofWindow.get(ofWindow.size() - 1);
    }

    private Double gauge(String name, String... tags) {
        return meters.get(name).tags("model", "churn", "version", "v2").tags(tags).gauge().value();
    }

    private void assertGaugesShow(QualityReport report) {
        for (EstimatedMetricReport metric : report.getEstimated().getMetrics()) {
            String name = metric.getMetric();
            assertThat(gauge("driftwatch.quality.estimated", "metric", name)).as(name).isEqualTo(metric.getValue());
            assertThat(gauge("driftwatch.quality.estimated.lower", "metric", name)).as(name).isEqualTo(metric.getLower());
            assertThat(gauge("driftwatch.quality.estimated.upper", "metric", name)).as(name).isEqualTo(metric.getUpper());
            assertThat(gauge("driftwatch.quality.estimated.threshold.lower", "metric", name)).as(name)
                    .isEqualTo(metric.getThresholdLower() == null ? NO_THRESHOLD : metric.getThresholdLower());
            assertThat(gauge("driftwatch.quality.estimated.threshold.upper", "metric", name)).as(name)
                    .isEqualTo(metric.getThresholdUpper() == null ? NO_THRESHOLD : metric.getThresholdUpper());
            assertThat(gauge("driftwatch.quality.estimated.alert", "metric", name)).as(name).isEqualTo(metric.getAlert() ? 1.0 : 0.0);
        }
        assertThat(gauge("driftwatch.quality.estimated.predictions")).isEqualTo((double) report.getEstimated().getPredictions());
    }

    @Test
    void theGaugesHoldTheNewestCompleteEstimateAndAMetricItLacksReadsNaN() {
        window(0, 0, 1);
        model.update();
        assertThat(lastOf(model.reports.readValuesToList(), 0).getEstimated().getComplete()).as("the grace has not passed").isFalse();
        assertThat(meters.find("driftwatch.quality.estimated").gauge()).as("no gauge from an incomplete estimate").isNull();

        window(1, 0.4, 0.6);
        completeWindow(1);
        model.update();
        model.update();
        List<QualityReport> estimated = model.reports.readValuesToList();
        QualityReport window0 = lastOf(estimated, 0);
        QualityReport window1 = lastOf(estimated, 1);
        assertThat(window0.getEstimated().getComplete()).isTrue();
        assertThat(window1.getEstimated().getComplete()).isTrue();
        assertThat(EstimatingModel.metric(window1, "accuracy").getAlert()).as("scores near 0.5 alert").isTrue();
        assertThat(EstimatingModel.metric(window1, "accuracy").getValue()).isNotEqualTo(EstimatingModel.metric(window0, "accuracy").getValue());
        assertGaugesShow(window1);
        assertThat(gauge("driftwatch.quality.estimated.alert", "metric", "accuracy")).isEqualTo(1.0);
        assertThat(gauge("driftwatch.quality.estimated.predictions")).isEqualTo(PER_WINDOW);

        for (int i = 0; i < PER_WINDOW; i++) {
            model.label("w0-" + i, T0.plus(Duration.ofMinutes(30)).plusSeconds(i), "1");
        }
        model.update();
        QualityReport window0Labelled = lastOf(model.reports.readValuesToList(), 0);
        assertThat(window0Labelled.getLabelled()).as("window 0's labels came").isEqualTo(PER_WINDOW);
        assertThat(window0Labelled.getEstimated().getComplete()).as("its complete estimate comes again").isTrue();
        assertGaugesShow(window1);

        window(3, 0, 0.3);
        completeWindow(3);
        model.update();
        model.update();
        QualityReport window3 = lastOf(model.reports.readValuesToList(), 3);
        assertThat(window3.getEstimated().getComplete()).isTrue();
        assertThat(window3.getEstimated().getMetrics()).as("no predicted positive: no precision")
                .noneMatch(metric -> metric.getMetric().equals("precision"));
        assertThat(EstimatingModel.metric(window1, "precision").getValue()).as("window 1 had one").isFinite();
        assertGaugesShow(window3);
        for (String gauge : List.of("driftwatch.quality.estimated", "driftwatch.quality.estimated.lower",
                "driftwatch.quality.estimated.upper", "driftwatch.quality.estimated.threshold.lower",
                "driftwatch.quality.estimated.alert")) {
            assertThat(gauge(gauge, "metric", "precision")).as(gauge).isNaN();
        }
    }
}
