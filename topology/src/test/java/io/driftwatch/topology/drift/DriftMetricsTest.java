package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DriftMetricsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DriftMetrics metrics = new DriftMetrics(meters);

    private static DriftReport report(int window, double ageStatistic, boolean ageDrifted, List<SkewFinding> findings) {
        return report(window, ageStatistic, ageDrifted, findings, null);
    }

    private static DriftReport report(int window, double ageStatistic, boolean ageDrifted, List<SkewFinding> findings,
            @Nullable MultivariateDrift multivariate) {
        TestResult test = TestResult.newBuilder().setTest("wasserstein").setStatistic(ageStatistic).setPValue(null)
                .setMethod(TestMethod.EXACT).setThreshold(0.1).setCondition("statistic >= 0.1")
                .setVerdict(ageDrifted ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT).setBound(null).build();
        ColumnDrift age = ColumnDrift.newBuilder().setFeature("age").setColumnType(ColumnKind.NUMERIC).setReferenceCount(1000)
                .setCurrentCount(500).setReferenceMissing(0).setCurrentMissing(0)
                .setVerdict(test.getVerdict()).setTests(List.of(test)).build();
        return DriftReport.newBuilder().setReportId("report-" + window).setModelName("fraud").setModelVersion("v3")
                .setWindowStart(T0.plus(WINDOW.multipliedBy(window))).setWindowEnd(T0.plus(WINDOW.multipliedBy(window + 1)))
                .setComparison(ComparisonBasis.BASELINE).setBaselineId("b1").setRecords(500 + window).setVerdictWithheld(null)
                .setColumns(List.of(age)).setSchemaFindings(findings).setDatasetColumns(1).setDriftedColumns(ageDrifted ? 1 : 0)
                .setInconclusiveColumns(0).setDriftShare(ageDrifted ? 1.0 : 0.0).setDriftShareThreshold(0.5).setDatasetDrift(ageDrifted)
                .setMultivariate(multivariate).build();
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    @Test
    void theNextWindowReplacesTheGaugesValuesWithoutNewSeries() {
        metrics.report(report(0, 0.4, true, List.of()));
        int series = meters.getMeters().size();
        metrics.report(report(1, 0.02, false, List.of()));

        assertThat(meters.getMeters()).hasSize(series);
        assertThat(gauge(DriftMetrics.STATISTIC, "model", "fraud", "version", "v3", "feature", "age", "test", "wasserstein")).isEqualTo(0.02);
        assertThat(gauge(DriftMetrics.DETECTED, "feature", "age")).isZero();
        assertThat(gauge(DriftMetrics.THRESHOLD, "feature", "age")).isEqualTo(0.1);
        assertThat(gauge(DriftMetrics.SHARE, "model", "fraud")).isZero();
        assertThat(gauge(DriftMetrics.WINDOW_RECORDS, "model", "fraud")).isEqualTo(501);
        assertThat(gauge(DriftMetrics.WINDOW_END, "model", "fraud")).isEqualTo((double) T0.plus(WINDOW.multipliedBy(2)).getEpochSecond());
    }

    @Test
    void aSchemaFindingThatGoesAwayReadsZeroInTheNextWindow() {
        SkewFinding unseen = SkewFinding.newBuilder().setFeature("country").setKind(SkewKind.UNSEEN_CATEGORY)
                .setSeverity(SkewSeverity.WARNING).setDetail("1 category the reference never saw: 'FI'").build();
        metrics.report(report(0, 0.4, true, List.of(unseen, unseen)));
        assertThat(gauge(DriftMetrics.SCHEMA_FINDINGS, "kind", "unseen_category", "severity", "warning")).isEqualTo(2);
        assertThat(meters.get(DriftMetrics.SCHEMA_FINDINGS).gauges()).hasSize(SkewKind.values().length * SkewSeverity.values().length);

        metrics.report(report(1, 0.4, true, List.of()));
        assertThat(gauge(DriftMetrics.SCHEMA_FINDINGS, "kind", "unseen_category", "severity", "warning")).isZero();
    }

    private static MultivariateDrift multivariate(@Nullable Double value, long rows, boolean alert) {
        return MultivariateDrift.newBuilder().setMethod("pca_reconstruction_error").setFeatures(List.of("age", "income"))
                .setRows(rows).setValue(value).setSamplingError(null).setLower(null).setUpper(null)
                .setThresholdLower(0.41).setThresholdUpper(0.53).setAlert(alert).build();
    }

    @Test
    void aMultivariateDriftPublishesItsValueThresholdsAlertAndRowsPerModelVersion() {
        metrics.report(report(0, 0.02, false, List.of(), multivariate(1.0214, 1000, true)));

        String[] fraudV3 = {"model", "fraud", "version", "v3"};
        assertThat(gauge(DriftMetrics.MULTIVARIATE, fraudV3)).isEqualTo(1.0214);
        assertThat(gauge(DriftMetrics.MULTIVARIATE_THRESHOLD_LOWER, fraudV3)).isEqualTo(0.41);
        assertThat(gauge(DriftMetrics.MULTIVARIATE_THRESHOLD_UPPER, fraudV3)).isEqualTo(0.53);
        assertThat(gauge(DriftMetrics.MULTIVARIATE_ALERT, fraudV3)).isEqualTo(1);
        assertThat(gauge(DriftMetrics.MULTIVARIATE_ROWS, fraudV3)).isEqualTo(1000);

        metrics.report(report(1, 0.02, false, List.of(), multivariate(0.47, 980, false)));
        assertThat(gauge(DriftMetrics.MULTIVARIATE, fraudV3)).isEqualTo(0.47);
        assertThat(gauge(DriftMetrics.MULTIVARIATE_ALERT, fraudV3)).isZero();
        assertThat(gauge(DriftMetrics.MULTIVARIATE_ROWS, fraudV3)).isEqualTo(980);
    }

    @Test
    void aReportWithoutMultivariateDriftAddsNoMultivariateSeries() {
        metrics.report(report(0, 0.4, true, List.of()));

        assertThat(meters.find(DriftMetrics.MULTIVARIATE).gauges()).isEmpty();
        assertThat(meters.find(DriftMetrics.MULTIVARIATE_ALERT).gauges()).isEmpty();
    }

    @Test
    void aWindowWithoutTheFitReadsNaNInsteadOfTheLastAlert() {
        metrics.report(report(0, 0.02, false, List.of(), multivariate(1.0214, 1000, true)));
        metrics.report(report(1, 0.02, false, List.of()));

        assertThat(gauge(DriftMetrics.MULTIVARIATE_ALERT, "model", "fraud")).isNaN();
        assertThat(gauge(DriftMetrics.MULTIVARIATE, "model", "fraud")).isNaN();
        assertThat(gauge(DriftMetrics.MULTIVARIATE_THRESHOLD_UPPER, "model", "fraud")).isNaN();
    }

    @Test
    void aWindowWithNoScoredRowReadsNaNWithItsThresholds() {
        metrics.report(report(0, 0.02, false, List.of(), multivariate(null, 0, false)));

        assertThat(gauge(DriftMetrics.MULTIVARIATE, "model", "fraud")).isNaN();
        assertThat(gauge(DriftMetrics.MULTIVARIATE_THRESHOLD_UPPER, "model", "fraud")).isEqualTo(0.53);
        assertThat(gauge(DriftMetrics.MULTIVARIATE_ROWS, "model", "fraud")).isZero();
    }
}
