package io.driftwatch.service.metrics;

import io.driftwatch.broker.LocalPorts;
import io.driftwatch.testkit.probe.Scrape;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessMetricsTest {

    private static DriftwatchConfig config(int port, int featuresMax) {
        return new DriftwatchConfig(Map.of("bootstrap.servers", "localhost:9092",
                DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(port),
                DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1",
                DriftwatchConfig.METRICS_FEATURES_MAX_CONFIG, Integer.toString(featuresMax)));
    }

    @Test
    void perFeatureDriftGaugesStopAtTheConfiguredNumberOfFeatures() {
        try (ProcessMetrics metrics = ProcessMetrics.start(config(0, 2))) {
            for (String feature : new String[] {"age", "income", "country"}) {
                Gauge.builder("driftwatch.drift.statistic", () -> 0.5).tags("model", "m", "version", "v", "feature", feature, "test", "psi")
                        .register(metrics.registry());
            }
            Scrape scrape = Scrape.parse(metrics.scrape());
            assertThat(scrape.find("driftwatch_drift_statistic", Map.of()).stream().map(sample -> sample.labels().get("feature")))
                    .containsExactlyInAnyOrder("age", "income");
            assertThat(metrics.port()).as("port 0: no endpoint").isEmpty();
        }
    }

    @Test
    void servesTheScrapeAtMetricsAndNothingElse() throws Exception {
        int port = LocalPorts.free();
        try (ProcessMetrics metrics = ProcessMetrics.start(config(port, 10))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(Scrape.parse(scrape.body()).names()).contains("jvm_memory_used_bytes", "process_uptime_seconds", "jvm_threads_live_threads");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theMetersOfAVersionSilentForTheRetireTimeAreRemovedWhileTheProcessRuns() throws Exception {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "localhost:9092",
                DriftwatchConfig.METRICS_PORT_CONFIG, "0", DriftwatchConfig.METRICS_RETIRE_AFTER_MS_CONFIG, "200"));
        try (ProcessMetrics metrics = ProcessMetrics.start(config)) {
            Counter.builder("driftwatch.records.read").tags("model", "m", "version", "v1", "outcome", "ok").register(metrics.registry()).increment();
            assertThat(Scrape.parse(metrics.scrape()).find("driftwatch_records_read_total", Map.of("version", "v1"))).hasSize(1);
            await("the silent version's meters retired").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Scrape.parse(metrics.scrape()).find("driftwatch_records_read_total", Map.of()).isEmpty());
            Scrape scrape = Scrape.parse(metrics.scrape());
            assertThat(scrape.find("driftwatch_records_read_total", Map.of())).as("retired after two sweeps a second apart").isEmpty();
            assertThat(scrape.names()).as("the process's own meters stay").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void thePolicyMetersReachPrometheusUnderTheNamesTheDashboardQueries() {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "localhost:9092", DriftwatchConfig.METRICS_PORT_CONFIG, "0"));
        try (ProcessMetrics metrics = ProcessMetrics.start(config)) {
            new PolicyMetrics(metrics.registry());
            Gauge.builder(PolicyMetrics.INFO, () -> 1).tags("model", "credit", "version", "2.1", "policy_id", "3f9a2c41b7de")
                    .register(metrics.registry());
            Scrape scrape = Scrape.parse(metrics.scrape());
            assertThat(scrape.find("driftwatch_policy_info", Map.of("model", "credit"))).extracting(sample -> sample.labels().get("policy_id"))
                    .containsExactly("3f9a2c41b7de");
            assertThat(scrape.find("driftwatch_policies_rejected_total", Map.of())).extracting(sample -> sample.labels().get("reason"))
                    .containsExactlyInAnyOrder("unreadable", "invalid", "miskeyed");
        }
    }
}
