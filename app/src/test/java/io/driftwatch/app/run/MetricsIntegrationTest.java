package io.driftwatch.app.run;

import io.driftwatch.app.DriftwatchCommand;
import io.driftwatch.app.metrics.ProcessMetrics;
import io.driftwatch.app.metrics.Scrape;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.SingleObjectAvroSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driftwatch as Prometheus sees it: the service runs against a real broker with its metrics endpoint on,
 * a baseline and traffic whose {@code age} shifts at a known window go in, and {@code /metrics}, scraped
 * over HTTP, must hold exactly the numbers of the last drift report on the reports topic.
 */
class MetricsIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int WINDOWS = 8;
    private static final int SHIFTED_FROM_WINDOW = 4;
    private static final Map<String, String> FRAUD_V3 = Map.of("model", "fraud", "version", "v3");

    private static EmbeddedKafkaBroker broker;
    private static Path directory;
    private static ProcessMetrics metrics;
    private static DriftwatchService service;
    private static URI endpoint;
    private static DriftReport lastReport;

    @BeforeAll
    static void runDriftwatchOnShiftedTraffic() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        directory = Files.createTempDirectory("driftwatch-metrics-test");
        Random random = new Random(23);
        String bootstrap = broker.bootstrapServers();
        run("baseline", "--model", "fraud", "--version", "v3", "--input", training(random).toString(), "--bootstrap-servers", bootstrap);
        run("produce", "--bootstrap-servers", bootstrap, "--topic", "inferences", "--format", "json",
                "--model", "fraud", "--version", "v3", traffic(random).toString());

        int port = freePort();
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "metrics-test");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        settings.put(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(port));
        settings.put(DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1");
        DriftwatchConfig config = new DriftwatchConfig(settings);
        metrics = ProcessMetrics.start(config);
        service = DriftwatchService.start(config, metrics.registry(), Map.of("state.dir", directory.resolve("state").toString()));
        endpoint = URI.create("http://127.0.0.1:" + port + "/metrics");
        List<DriftReport> reports = reports(bootstrap, config.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG));
        lastReport = reports.stream().max(Comparator.comparing(DriftReport::getWindowStart)).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static URI endpoint() {
        return endpoint;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + err).isZero();
    }

    private static Path training(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("age,country\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%s%n", 40 + random.nextGaussian() * 5, List.of("NO", "SE", "DK").get(random.nextInt(3))));
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    // The country "FI" never appears in training: every window after the shift carries an unseen_category finding.
    private static Path traffic(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,age,country,prediction\n");
        int id = 0;
        for (int window = 0; window < WINDOWS; window++) {
            boolean shifted = window >= SHIFTED_FROM_WINDOW;
            for (int i = 0; i < 300; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 1_000L);
                double age = 40 + (shifted ? 15 : 0) + random.nextGaussian() * 5;
                List<String> countries = shifted ? List.of("NO", "SE", "DK", "FI") : List.of("NO", "SE", "DK");
                csv.append(String.format(Locale.ROOT, "r%d,%s,%.3f,%s,%.4f%n", id++, time, age,
                        countries.get(random.nextInt(countries.size())), age / 100));
            }
        }
        csv.append(String.format(Locale.ROOT, "closer,%s,40,NO,0.4%n", T0.plus(WINDOW.multipliedBy(WINDOWS + 4))));
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    /** Reads the committed drift reports until every window's report is there. */
    private static List<DriftReport> reports(String bootstrap, String topic) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "metrics-test-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DriftReport> reports = new ArrayList<>();
        try (KafkaConsumer<String, DriftReport> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new SingleObjectAvroSerde<DriftReport>(DriftReport.getClassSchema()).deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (reports.size() < WINDOWS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DriftReport> record : consumer.poll(Duration.ofMillis(500))) {
                    reports.add(record.value());
                }
            }
        }
        assertThat(reports).as("a report per window").hasSize(WINDOWS);
        return reports;
    }

    @Test
    void scrapedDriftGaugesHoldTheLastReportsStatisticsThresholdsAndFlags() throws Exception {
        Scrape scrape = Scrape.fetch(endpoint);
        assertThat(lastReport.getWindowStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(WINDOWS - 1)));
        int tests = 0;
        for (ColumnDrift column : lastReport.getColumns()) {
            for (TestResult test : column.getTests()) {
                Map<String, String> tags = new HashMap<>(FRAUD_V3);
                tags.put("feature", column.getFeature());
                tags.put("test", test.getTest());
                assertThat(scrape.value("driftwatch_drift_statistic", tags)).as("statistic " + tags).isEqualTo(test.getStatistic());
                assertThat(scrape.value("driftwatch_drift_threshold", tags)).as("threshold " + tags).isEqualTo(test.getThreshold());
                assertThat(scrape.value("driftwatch_drift_detected", tags)).as("drift flag " + tags)
                        .isEqualTo(test.getVerdict() == DriftVerdict.DRIFT ? 1.0 : 0.0);
                tests++;
            }
        }
        assertThat(tests).as("tests in the last report").isGreaterThanOrEqualTo(2);
        assertThat(scrape.find("driftwatch_drift_statistic", FRAUD_V3)).as("no gauge beyond the report's tests").hasSize(tests);
        assertThat(scrape.value("driftwatch_drift_detected", Map.of("model", "fraud", "version", "v3", "feature", "age")))
                .as("age shifted by three standard deviations").isEqualTo(1.0);
    }

    @Test
    void scrapedDatasetGaugesAndCountersMatchTheLastReportAndTheTriggers() throws Exception {
        Scrape scrape = Scrape.fetch(endpoint);
        assertThat(scrape.value("driftwatch_dataset_drift_share", FRAUD_V3)).isEqualTo(lastReport.getDriftShare());
        assertThat(scrape.value("driftwatch_dataset_drift_detected", FRAUD_V3)).isEqualTo(lastReport.getDatasetDrift() ? 1.0 : 0.0);
        assertThat(scrape.value("driftwatch_window_records", FRAUD_V3)).isEqualTo((double) lastReport.getRecords());
        assertThat(scrape.value("driftwatch_window_end", FRAUD_V3)).isEqualTo(lastReport.getWindowEnd().getEpochSecond());
        long unseen = lastReport.getSchemaFindings().stream().filter(finding -> finding.getKind().name().equals("UNSEEN_CATEGORY")).count();
        assertThat(unseen).as("the planted category").isEqualTo(1);
        assertThat(scrape.value("driftwatch_schema_findings",
                Map.of("model", "fraud", "version", "v3", "kind", "unseen_category", "severity", "warning"))).isEqualTo(1.0);
        assertThat(scrape.value("driftwatch_schema_findings",
                Map.of("model", "fraud", "version", "v3", "kind", "missing_column", "severity", "error"))).isZero();
        // Windows 4 and 5 drift: one dataset_drift trigger; 6 and 7 fall in its cool-down.
        assertThat(scrape.value("driftwatch_triggers_emitted_total", Map.of("model", "fraud", "version", "v3", "rule", "dataset_drift")))
                .isEqualTo(1.0);
        assertThat(scrape.value("driftwatch_records_read_total", Map.of("model", "fraud", "version", "v3", "outcome", "ok")))
                .isEqualTo(WINDOWS * 300 + 1.0);
        Files.writeString(Path.of("target", "metrics-test-scrape.txt"), scrape.samples().toString());
    }
}
