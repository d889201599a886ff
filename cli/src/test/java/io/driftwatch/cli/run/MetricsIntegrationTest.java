package io.driftwatch.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.alerts.AlertsService;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.broker.LocalPorts;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.cli.metrics.LocalPrometheus;
import io.driftwatch.cli.metrics.PromQlMetricNames;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.service.metrics.ProcessMetrics;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.testkit.probe.Scrape;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.estimate.BaselineEstimations;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Driftwatch as Prometheus sees it: the service runs against a real broker with its metrics endpoint on,
 * a baseline with the model's quality and traffic whose {@code age} shifts at a known window go in (with
 * labels for nine predictions in ten, one undecodable record and one late record, so the dead-letter and
 * late counters exist), and {@code /metrics}, scraped over HTTP, must hold exactly the numbers of the last
 * drift report and of the last final quality report on their topics. An alerts process mails the drift
 * alerts through an SMTP server that is down at first. The two running processes check that every metric
 * the Grafana dashboard queries is served, and, where Debian's {@code prometheus}
 * is installed (required when {@code -Ddriftwatch.prometheus.required=true}, as {@code prometheus/check.sh}
 * sets), that a real Prometheus scrapes it, answers a drift query with the report's value and evaluates
 * every alert rule without error.
 */
class MetricsIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int WINDOWS = 8;
    private static final int SHIFTED_FROM_WINDOW = 4;
    private static final int PER_WINDOW = 300;
    // Every tenth prediction gets no label.
    private static final int LABELLED_PER_WINDOW = 270;
    private static final Map<String, String> FRAUD_V3 = Map.of("model", "fraud", "version", "v3");
    private static final Duration LABEL_DELAY = Duration.ofSeconds(30);
    // Labels are produced after all the windows' predictions: they must still be within the maximum delay.
    private static final Duration LABELS_MAX_DELAY = Duration.ofHours(2);
    private static final int ESTIMATED_PREDICTIONS = 40;

    private static EmbeddedKafkaBroker broker;
    @TempDir
    static Path directory;
    private static ProcessMetrics metrics;
    private static DriftwatchService service;
    private static URI endpoint;
    private static DriftReport lastReport;
    private static QualityReport lastQualityReport;
    private static ProcessMetrics alertsMetrics;
    private static AlertsService alerts;
    private static GreenMail mailServer;
    private static URI alertsEndpoint;
    private static final List<Prediction> predictions = new ArrayList<>();

    @BeforeAll
    static void runDriftwatchOnShiftedTraffic() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        Random random = new Random(23);
        String bootstrap = broker.bootstrapServers();
        run("baseline", "--model", "fraud", "--model-version", "v3", "--input", training(random).toString(), "--labels", "label",
                "--multivariate", "pca", "--bootstrap-servers", bootstrap);
        run("produce", "--bootstrap-servers", bootstrap, "--topic", "inferences", "--encoding", "json",
                "--model", "fraud", "--model-version", "v3", traffic(random).toString());
        run("produce", "--bootstrap-servers", bootstrap, "--topic", "labels", "--encoding", "json", "--kind", "labels",
                "--model", "fraud", labels(random).toString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("inferences", "broken", "{\"request_id\": \"broken\", ")).get();
        }

        int port = LocalPorts.free();
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "metrics-test");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(LABELS_MAX_DELAY.toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "500");
        settings.put(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(port));
        settings.put(DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1");
        DriftwatchConfig config = new DriftwatchConfig(settings);
        publishEstimatingModel(bootstrap, config);
        metrics = ProcessMetrics.start(config);
        service = DriftwatchService.start(config, metrics.registry(), Map.of("state.dir", directory.resolve("state").toString()));
        endpoint = URI.create("http://127.0.0.1:" + port + "/metrics");
        // The predictions and labels are read by separate tasks: closing the windows before every label has
        // reached the join would move its event time past them.
        awaitEveryLabelJoined(bootstrap, config.topic(DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG));
        run("produce", "--bootstrap-servers", bootstrap, "--topic", "inferences", "--encoding", "json",
                "--model", "fraud", "--model-version", "v3", closing().toString());
        run("produce", "--bootstrap-servers", bootstrap, "--topic", "labels", "--encoding", "json", "--kind", "labels",
                "--model", "fraud", closingLabel().toString());
        List<DriftReport> reports = reports(bootstrap, config.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG));
        lastReport = reports.stream().max(Comparator.comparing(DriftReport::getWindowStart)).orElseThrow();
        lastQualityReport = lastFinalQualityReport(bootstrap, config.topic(DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG));
        startAlertsAndMailServer(settings);
    }

    /**
     * A binary model whose baseline carries a CBPE fit, so that the estimated-quality gauges the dashboard queries are
     * served: {@value #ESTIMATED_PREDICTIONS} scored predictions in each of its first two windows (fewer than the minimum
     * records a window needs for drift, so it mails nothing); the closing records make both windows final, which completes
     * their estimates.
     */
    private static void publishEstimatingModel(String bootstrap, DriftwatchConfig config) throws Exception {
        Random random = new Random(31);
        List<ChunkOutcomes> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < 10; chunk++) {
            ChunkOutcomes rows = new ChunkOutcomes();
            for (int row = 0; row < 500; row++) {
                double score = random.nextDouble();
                rows.add(score, score >= 0.5, random.nextDouble() < score);
            }
            chunks.add(rows);
        }
        double[] undefined = new double[10];
        Arrays.fill(undefined, Double.NaN);
        Baseline baseline = Baseline.newBuilder().setBaselineId("churn/v1/0123456789abcdef").setModelName("churn")
                .setModelVersion("v1").setCreatedAt(T0).setSource("validation.csv").setRows(5_000).setContentHash("0123456789abcdef")
                .setColumns(List.of()).setPerformanceEstimation(BaselineEstimations.toRecord(CbpeReference.fit("1", chunks, undefined, undefined)))
                .build();
        try (KafkaProducer<String, Baseline> baselines = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), Topics.BASELINES.valueSerde().serializer())) {
            baselines.send(new ProducerRecord<>(Topics.BASELINES.name(config), "churn/v1", baseline)).get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 2 * ESTIMATED_PREDICTIONS; i++) {
                double score = random.nextDouble();
                InferenceLog log = InferenceLog.newBuilder().setRequestId("churn-" + i).setModelName("churn").setModelVersion("v1")
                        .setEventTime(T0.plus(WINDOW.multipliedBy(i / ESTIMATED_PREDICTIONS)).plusSeconds(i % ESTIMATED_PREDICTIONS))
                        .setFeatures(Map.of()).setPrediction(score >= 0.5 ? "1" : "0")
                        .setClassScores(Map.of("1", score, "0", 1 - score)).build();
                producer.send(new ProducerRecord<>(Topics.INFERENCES.name(config), "churn-" + i, RecordEncoders.json(log))).get();
            }
        }
    }

    /** Starts the alerts process while nothing listens on its SMTP port, and the mail server once it has failed. */
    private static void startAlertsAndMailServer(Map<String, Object> driftwatchSettings) throws Exception {
        int smtpPort = LocalPorts.free();
        int metricsPort = LocalPorts.free();
        Map<String, Object> settings = new HashMap<>(driftwatchSettings);
        settings.put(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(metricsPort));
        settings.put(AlertsConfig.GROUP_MS_CONFIG, "200");
        settings.put(AlertsConfig.TO_CONFIG, "oncall@example.test");
        settings.put(AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1");
        settings.put(AlertsConfig.SMTP_PORT_CONFIG, Integer.toString(smtpPort));
        settings.put(AlertsConfig.SMTP_SECURITY_CONFIG, "none");
        settings.put(AlertsConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        settings.put(AlertsConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "400");
        DriftwatchConfig config = new DriftwatchConfig(settings);
        alertsMetrics = ProcessMetrics.start(config);
        alerts = AlertsService.start(config, new AlertsConfig(settings, Map.of()), alertsMetrics.registry(), Clock.systemUTC(), null);
        alertsEndpoint = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
        assertThat(poll(() -> Scrape.fetch(alertsEndpoint).find("driftwatch_alerts_delivery_failures_total", Map.of()),
                failures -> !failures.isEmpty())).as("a failed attempt while SMTP is down").isNotEmpty();
        mailServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        assertThat(poll(() -> mailServer.getReceivedMessages().length, received -> received > 0))
                .as("the drift alerts mailed once SMTP is up").isPositive();
    }

    @AfterAll
    static void stop() {
        if (alerts != null) {
            alerts.close();
        }
        if (alertsMetrics != null) {
            alertsMetrics.close();
        }
        if (mailServer != null) {
            mailServer.stop();
        }
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

    private static void run(String... args) {
        CommandRun.succeed(args);
    }

    /** The model predicts age / 100 and is off by 0.01 (sd) on its training file. */
    private static Path training(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("age,country,prediction,label\n");
        for (int i = 0; i < 3000; i++) {
            double age = 40 + random.nextGaussian() * 5;
            csv.append(String.format(Locale.ROOT, "%.3f,%s,%.4f,%.4f%n", age, List.of("NO", "SE", "DK").get(random.nextInt(3)),
                    age / 100, age / 100 + random.nextGaussian() * 0.01));
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    // The country "FI" never appears in training: every window after the shift carries an unseen_category finding.
    private static Path traffic(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,age,country,prediction\n");
        int id = 0;
        for (int window = 0; window < WINDOWS; window++) {
            boolean shifted = window >= SHIFTED_FROM_WINDOW;
            for (int i = 0; i < PER_WINDOW; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 1_000L);
                double age = 40 + (shifted ? 15 : 0) + random.nextGaussian() * 5;
                List<String> countries = shifted ? List.of("NO", "SE", "DK", "FI") : List.of("NO", "SE", "DK");
                Prediction prediction = new Prediction("r" + id++, time, age / 100);
                predictions.add(prediction);
                csv.append(String.format(Locale.ROOT, "%s,%s,%.3f,%s,%.4f%n", prediction.requestId(), time, age,
                        countries.get(random.nextInt(countries.size())), prediction.value()));
            }
        }
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    /** Labels for nine predictions in ten, each 30 s after it and off by 0.02 (sd): worse than in training. */
    private static Path labels(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,label\n");
        for (int i = 0; i < predictions.size(); i++) {
            if (i % 10 != 9) {
                Prediction prediction = predictions.get(i);
                csv.append(String.format(Locale.ROOT, "%s,%s,%.4f%n", prediction.requestId(), prediction.time().plus(LABEL_DELAY),
                        prediction.value() + random.nextGaussian() * 0.02));
            }
        }
        return Files.writeString(directory.resolve("labels.csv"), csv);
    }

    /**
     * A record far enough ahead to close every drift window and make every quality report final, then one
     * behind every window's grace.
     */
    private static Path closing() throws IOException {
        Instant closer = T0.plus(WINDOW.multipliedBy(WINDOWS)).plus(LABELS_MAX_DELAY).plus(Duration.ofHours(1));
        String csv = "request_id,event_time,age,country,prediction\n"
                + String.format(Locale.ROOT, "closer,%s,40,NO,0.4%n", closer)
                + String.format(Locale.ROOT, "late,%s,40,NO,0.4%n", T0.plusSeconds(1));
        return Files.writeString(directory.resolve("closing.csv"), csv);
    }

    /** A label as far ahead as the closing prediction: a window is final once the labels' event time passed it too. */
    private static Path closingLabel() throws IOException {
        Instant closer = T0.plus(WINDOW.multipliedBy(WINDOWS)).plus(LABELS_MAX_DELAY).plus(Duration.ofHours(1));
        return Files.writeString(directory.resolve("closing-label.csv"),
                "request_id,event_time,label\n" + String.format(Locale.ROOT, "closer-label,%s,0.4%n", closer));
    }

    private record Prediction(String requestId, Instant time, double value) {
    }

    private static void awaitEveryLabelJoined(String bootstrap, String topic) {
        List<QualityReport> interim = CommittedTopic.values(bootstrap, topic,
                Topics.QUALITY_REPORTS.valueSerde().deserializer(),
                read -> windowsFullyLabelled(read) == WINDOWS, Duration.ofMinutes(2));
        assertThat(windowsFullyLabelled(interim)).as("windows whose labels were all joined").isEqualTo(WINDOWS);
    }

    private static long windowsFullyLabelled(List<QualityReport> reports) {
        return reports.stream().filter(report -> report.getLabelled() == LABELLED_PER_WINDOW).map(QualityReport::getWindowStart).distinct().count();
    }

    /** Reads the committed quality reports until the last traffic window's final one is there. */
    private static QualityReport lastFinalQualityReport(String bootstrap, String topic) {
        Instant lastWindow = T0.plus(WINDOW.multipliedBy(WINDOWS - 1));
        Predicate<QualityReport> wanted = report -> report.getIsFinal() && report.getModelName().equals("fraud")
                && report.getWindowStart().equals(lastWindow);
        List<QualityReport> finals = CommittedTopic.values(bootstrap, topic,
                        Topics.QUALITY_REPORTS.valueSerde().deserializer(),
                        read -> read.stream().anyMatch(wanted), Duration.ofMinutes(2))
                .stream().filter(report -> report.getIsFinal() && report.getModelName().equals("fraud")).toList();
        assertThat(finals).as("final quality reports").anyMatch(wanted);
        assertThat(finals.stream().map(QualityReport::getWindowStart)).as("no window's final report twice").doesNotHaveDuplicates();
        return finals.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Reads the committed drift reports until every window's report of fraud is there (churn's windows are too small for one). */
    private static List<DriftReport> reports(String bootstrap, String topic) {
        List<DriftReport> reports = CommittedTopic.values(bootstrap, topic,
                Topics.DRIFT_REPORTS.valueSerde().deserializer(),
                read -> read.stream().filter(report -> report.getModelName().equals("fraud")).count() >= WINDOWS, Duration.ofMinutes(2));
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
        assertThat(scrape.value("driftwatch_window_end", FRAUD_V3)).isEqualTo((double) lastReport.getWindowEnd().getEpochSecond());
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
                .as("every window's records, the closer and the late one").isEqualTo(WINDOWS * PER_WINDOW + 2.0);
        assertThat(scrape.value("driftwatch_records_late_total", FRAUD_V3)).isEqualTo(1.0);
        assertThat(scrape.value("driftwatch_records_dead_letter_total", Map.of("topic", "inferences", "reason", "invalid_json")))
                .isEqualTo(1.0);
    }

    @Test
    void scrapedQualityGaugesHoldTheLastFinalQualityReport() throws Exception {
        Scrape scrape = Scrape.fetch(endpoint);
        QualityReport report = lastQualityReport;
        assertThat(report.getTask()).hasToString("REGRESSION");
        assertThat(report.getLabelled()).isEqualTo(LABELLED_PER_WINDOW);
        assertThat(report.getMetrics()).containsKeys("mae", "rmse");
        for (Map.Entry<String, Double> metric : report.getMetrics().entrySet()) {
            Map<String, String> tags = Map.of("model", "fraud", "version", "v3", "metric", metric.getKey());
            assertThat(scrape.value("driftwatch_quality_metric", tags)).as(metric.getKey()).isEqualTo(metric.getValue());
            assertThat(scrape.value("driftwatch_quality_baseline", tags)).as("baseline " + metric.getKey())
                    .isEqualTo(report.getBaselineMetrics().get(metric.getKey()));
        }
        assertThat(report.getMetrics().get("rmse")).as("labels twice as noisy as in training")
                .isBetween(1.5 * report.getBaselineMetrics().get("rmse"), 2.5 * report.getBaselineMetrics().get("rmse"));
        assertThat(scrape.value("driftwatch_quality_labelled", FRAUD_V3)).isEqualTo(LABELLED_PER_WINDOW);
        assertThat(scrape.value("driftwatch_quality_label_coverage", FRAUD_V3)).isEqualTo(report.getLabelCoverage()).isEqualTo(0.9);
        assertThat(scrape.value("driftwatch_quality_window_end", FRAUD_V3)).isEqualTo((double) report.getWindowEnd().getEpochSecond());
        assertThat(scrape.value("driftwatch_quality_labels_total", Map.of("model", "fraud", "outcome", "joined")))
                .as("every label").isEqualTo(WINDOWS * LABELLED_PER_WINDOW);
        assertThat(scrape.value("driftwatch_labels_read_total", Map.of("model", "fraud"))).as("every label read, and the closing one")
                .isEqualTo(WINDOWS * LABELLED_PER_WINDOW + 1);
        assertThat(scrape.find("driftwatch_records_read_total", Map.of("version", "label"))).as("labels as a model version").isEmpty();
        assertThat(scrape.value("driftwatch_quality_predictions_unlabelled_total", FRAUD_V3))
                .as("the tenth prediction of every window, and the late one: behind the maximum delay, it waits for nothing")
                .isEqualTo(WINDOWS * (PER_WINDOW - LABELLED_PER_WINDOW) + 1);
    }

    @Test
    void theEstimatedQualityOfABinaryModelWithACbpeFitIsServedBeforeAnyLabel() {
        Map<String, String> churn = Map.of("model", "churn", "version", "v1");
        Scrape scrape = poll(() -> Scrape.fetch(endpoint),
                served -> !served.find("driftwatch_quality_estimated_predictions", churn).isEmpty());
        assertThat(scrape.value("driftwatch_quality_estimated_predictions", churn)).as("the scored predictions of churn's newest complete window")
                .isEqualTo(ESTIMATED_PREDICTIONS);
        Map<String, String> accuracy = Map.of("model", "churn", "version", "v1", "metric", "accuracy");
        assertThat(scrape.value("driftwatch_quality_estimated", accuracy)).isBetween(scrape.value("driftwatch_quality_estimated_lower",
                accuracy), scrape.value("driftwatch_quality_estimated_upper", accuracy));
    }

    @Test
    void scrapedAlertsCountersMatchTheEmailsTheMailServerReceived() throws Exception {
        Scrape scrape = Scrape.fetch(alertsEndpoint);
        int received = mailServer.getReceivedMessages().length;
        assertThat(mailServer.getReceivedMessages()[0].getSubject()).contains("fraud");
        assertThat(scrape.value("driftwatch_alerts_emails_sent_total", Map.of("model", "fraud"))).isEqualTo(received);
        assertThat(scrape.find("driftwatch_alerts_delivery_failures_total", Map.of("permanent", "false")))
                .as("refused connections are not a setting to fix").isNotEmpty();
        assertThat(scrape.value("driftwatch_alerts_sent_ids", Map.of())).as("alert ids mailed").isPositive();
        assertThat(scrape.value("driftwatch_alerts_duplicates_total", Map.of())).isZero();
    }

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws Exception {
        Map<String, Set<String>> namesByDashboard = dashboardMetricNames();
        Set<String> queried = new TreeSet<>();
        namesByDashboard.values().forEach(queried::addAll);
        assertThat(queried).as("metric names found in the dashboards' queries")
                .contains("driftwatch_drift_statistic", "driftwatch_records_read_total", "kafka_consumer_fetch_manager_records_lag");
        Set<String> prometheusOwn = Set.of("up");
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(prometheusOwn);
        // Micrometer serves jvm_gc_pause_seconds only once a collection has happened in this JVM.
        System.gc();
        // Kafka's per-partition metrics reach the registry on its refresh, some seconds after assignment.
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).pollInSameThread()
                .untilAsserted(() -> {
                    missing.removeAll(Scrape.fetch(endpoint).names());
                    missing.removeAll(Scrape.fetch(alertsEndpoint).names());
                    assertThat(missing).as("metrics the dashboards query that driftwatch does not serve (" + namesByDashboard + ")")
                            .isEmpty();
                });
    }

    private static Map<String, Set<String>> dashboardMetricNames() throws IOException {
        Path dashboards = Path.of("").toAbsolutePath().getParent().resolve("grafana").resolve("dashboards");
        Map<String, Set<String>> names = new HashMap<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                Set<String> found = new TreeSet<>();
                queries(new ObjectMapper().readTree(file.toFile()), found);
                names.put(file.getFileName().toString(), found);
            }
        }
        assertThat(names).as("dashboards in " + dashboards).isNotEmpty();
        return names;
    }

    /** Every PromQL expression in a dashboard: panel and annotation targets, and template variable queries. */
    private static void queries(JsonNode node, Set<String> names) {
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (field.getKey().equals("expr") && value.isTextual()) {
                names.addAll(PromQlMetricNames.of(value.asText()));
            } else if (field.getKey().equals("query") && value.isTextual() && value.asText().contains("label_values")) {
                names.addAll(PromQlMetricNames.of(value.asText()));
            }
        });
        node.elements().forEachRemaining(child -> queries(child, names));
    }

    /** Calls {@code read} every second until {@code done} holds, for up to 30 seconds, and returns that answer. */
    private static <T> T poll(Callable<T> read, Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .until(read, done);
    }

    @Test
    void aRealPrometheusScrapesTheDriftStatisticAndEvaluatesEveryRule() throws Exception {
        Optional<Path> executable = LocalPrometheus.executable();
        if (Boolean.getBoolean("driftwatch.prometheus.required")) {
            assertThat(executable).as("prometheus on the PATH (apt-get install prometheus)").isPresent();
        }
        Assumptions.assumeTrue(executable.isPresent(), "no prometheus on the PATH; prometheus/check.sh installs it");
        Path rules = Path.of("").toAbsolutePath().getParent().resolve("prometheus").resolve("driftwatch-rules.yml");
        TestResult age = lastReport.getColumns().stream().filter(column -> column.getFeature().equals("age"))
                .findFirst().orElseThrow().getTests().get(0);
        String query = "driftwatch_drift_statistic{job=\"driftwatch-run\",model=\"fraud\",version=\"v3\",feature=\"age\",test=\""
                + age.getTest() + "\"}";
        Path prometheusDirectory = Files.createDirectories(directory.resolve("prometheus"));
        try (LocalPrometheus prometheus = LocalPrometheus.start(executable.get(), endpoint.getAuthority(), rules, prometheusDirectory)) {
            JsonNode result = poll(() -> prometheus.query(query), found -> !found.isEmpty());
            assertThat(result).as(query).hasSize(1);
            assertThat(Double.parseDouble(result.get(0).get("value").get(1).asText())).isEqualTo(age.getStatistic());
            assertThat(poll(() -> unhealthyRules(prometheus.rules()), List::isEmpty)).as("rules not evaluated successfully").isEmpty();
            assertThat(poll(() -> prometheus.query("ALERTS{alertname=\"DriftwatchDatasetDrift\",model=\"fraud\"}"), found -> !found.isEmpty()))
                    .as("the dataset drift alert of the last window").isNotEmpty();
        }
    }

    private static List<String> unhealthyRules(JsonNode groups) {
        List<String> unhealthy = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.get("rules")) {
                if (!"ok".equals(rule.path("health").asText())) {
                    unhealthy.add(rule.get("name").asText() + ": " + rule.path("health").asText() + " " + rule.path("lastError").asText());
                }
            }
        }
        assertThat(groups).as("rule groups loaded").hasSize(2);
        return unhealthy;
    }
}
