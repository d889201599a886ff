package io.driftwatch.cli.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlMetricNamesTest {

    @Test
    void findsTheMetricsOfAnAggregatedRateAndNotItsLabelsOrVariables() {
        assertThat(PromQlMetricNames.of("sum by (outcome) (rate(driftwatch_records_read_total{model=\"$model\",version=~\"v.*\"}[$__rate_interval]))"))
                .containsExactly("driftwatch_records_read_total");
    }

    @Test
    void findsBothSidesOfAVectorMatchAndSkipsComparisonsAndNumbers() {
        assertThat(PromQlMetricNames.of("driftwatch_drift_statistic{model=\"m\"} and on (model, version, feature, test) "
                + "(driftwatch_drift_detected{model=\"m\"} == 1) or vector(0) > 1e3 offset 5m"))
                .containsExactly("driftwatch_drift_detected", "driftwatch_drift_statistic");
    }

    @Test
    void findsTheMetricOfALabelValuesQueryButNotItsLabel() {
        assertThat(PromQlMetricNames.of("label_values(driftwatch_records_read_total{model=\"$model\"}, version)"))
                .containsExactly("driftwatch_records_read_total");
    }

    @Test
    void findsHistogramSeriesByTheirSuffixedName() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le) (rate(http_seconds_bucket[5m])))"))
                .containsExactly("http_seconds_bucket");
    }
}
