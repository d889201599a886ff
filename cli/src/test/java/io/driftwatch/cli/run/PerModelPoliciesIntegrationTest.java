package io.driftwatch.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.alerts.AlertsPolicyDefaults;
import io.driftwatch.alerts.AlertsService;
import io.driftwatch.alerts.PolicyAlertRouting;
import io.driftwatch.broker.LocalPorts;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topics.TopicsConfig;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.policy.PolicyModelRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.driftwatch.cli.run.TwoTeamsTraffic.windowStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20's deployment through a real broker: one service and one alerts process for two teams' models, each judged
 * and mailed by the policy its owners published with {@code driftwatch policy publish}. Credit's policy excludes its
 * id column, fixes PSI at 0.2 on {@code income}, warns on a region outside four (the traffic sends a fifth) and
 * triggers on one drifted window where the settings say two; fraud's triggers only after three and never on schema
 * findings. Then, with both processes running, credit's policy changes, and a record another tool wrote under
 * credit's key is refused while credit keeps its valid policy. Each team's alerts must reach that team alone, never
 * the settings' recipient.
 */
class PerModelPoliciesIntegrationTest {
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final RunTopics topics = new RunTopics("per-model-policies");
    private static final String POLICIES_TOPIC = "per-model-policies.policies";
    private static final String CREDIT_TEAM = "credit-ml@example.com";
    private static final String FRAUD_TEAM = "fraud-team@example.com";
    private static final String SETTINGS_RECIPIENT = "oncall@example.com";
    private static final Pattern SHOWN_ID = Pattern.compile("; id ([0-9a-f]+)");
    private static final String CREDIT_POLICY = """
            model: credit
            versions: "*"
            features:
              exclude: [request_id]
              columns:
                income: {tests: {psi: {threshold: %s}}}
                region: {type: categorical, expect: {values: [north, south, east, west], unseen: warning}}
            triggers: {dataset_drift: {consecutive: 1}}
            alerts: {to: [credit-ml@example.com]}
            """;
    private static final String FRAUD_POLICY = """
            model: fraud
            versions: "*"
            triggers: {dataset_drift: {consecutive: 3}, schema: off}
            alerts: {to: [fraud-team@example.com]}
            """;

    @TempDir
    static Path directory;
    private static Path properties;
    private static TwoTeamsTraffic traffic;
    private static final SimpleMeterRegistry serviceMeters = new SimpleMeterRegistry();
    private static DriftwatchService service;
    private static AlertsService alerts;
    private static GreenMail mailServer;
    private static String creditPolicyId = "";
    private static String changedCreditPolicyId = "";
    private static String listedBeforeTheChange = "";
    private static String shownFromTheTopicBeforeTheChange = "";
    private static List<DriftReport> reports = List.of();
    private static List<JsonNode> triggers = List.of();
    private static double rejectedAfterTheMalformedRecord;

    @BeforeAll
    static void runBothTeamsModelsUnderTheirPolicies() throws Exception {
        traffic = new TwoTeamsTraffic(directory);
        Map<String, Object> settings = settings();
        properties = ConfigFile.write(directory, settings);
        run("baseline", "--model", "credit", "--model-version", "v1", "--input", traffic.creditTraining().toString(),
                "--config", properties.toString(), "--topic", topics.baselines());
        run("baseline", "--model", "fraud", "--model-version", "v1", "--input", traffic.fraudTraining().toString(),
                "--config", properties.toString(), "--topic", topics.baselines());
        Path credit = Files.writeString(directory.resolve("credit.yaml"), CREDIT_POLICY.formatted("0.2"));
        Path fraud = Files.writeString(directory.resolve("fraud.yaml"), FRAUD_POLICY);
        run("policy", "publish", credit.toString(), fraud.toString(), "--config", properties.toString());
        creditPolicyId = shownId(credit, "credit");

        DriftwatchConfig config = new DriftwatchConfig(settings);
        service = DriftwatchService.start(config, serviceMeters, Map.of("state.dir", directory.resolve("state").toString()),
                new PolicyModelRules(config, AlertsPolicyDefaults.layer(config.originals())));
        mailServer = new GreenMail(new ServerSetup(((Number) settings.get(AlertsConfig.SMTP_PORT_CONFIG)).intValue(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        AlertsConfig alertsConfig = new AlertsConfig(settings, Map.of());
        alerts = AlertsService.start(config, alertsConfig, new PolicyAlertRouting(alertsConfig), new SimpleMeterRegistry(),
                Clock.systemUTC(), null);

        // Window 3 of credit closes windows 0 to 2 of both models; it closes itself under the changed policy.
        for (int window = 0; window <= 2; window++) {
            produce("credit", traffic.credit(window));
            produce("fraud", traffic.fraud(window));
        }
        produce("credit", traffic.credit(3));
        reports = awaitReports(report -> report.getWindowStart().isBefore(windowStart(3)), 6);
        listedBeforeTheChange = run("policy", "list", "--config", properties.toString());
        shownFromTheTopicBeforeTheChange = run("policy", "show", "--bootstrap-servers", broker.bootstrapServers(),
                "--model", "credit", "--model-version", "v1", "--config", properties.toString());

        Path changed = Files.writeString(directory.resolve("credit.yaml"), CREDIT_POLICY.formatted("0.25"));
        run("policy", "publish", changed.toString(), "--config", properties.toString());
        changedCreditPolicyId = shownId(changed, "credit");
        writeMalformedCreditPolicy();
        // The malformed record follows the changed policy under the same key: counted, the changed one was read.
        await("the malformed policy counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rejected() > 0);
        rejectedAfterTheMalformedRecord = rejected();
        produce("credit", traffic.credit(4));
        produce("credit", traffic.credit(5));
        reports = awaitReports(report -> true, 8);
        // A window's triggers are committed with its report: every trigger of windows 0 to 4 is on the topic now.
        triggers = run("triggers", "--config", properties.toString()).lines().map(PerModelPoliciesIntegrationTest::json).toList();
        await("both teams mailed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> subjects().anyMatch(subject -> subject.contains(" credit ")) && subjects().anyMatch(subject -> subject.contains(" fraud ")));
    }

    @AfterAll
    static void stop() {
        if (alerts != null) {
            alerts.close();
        }
        if (service != null) {
            service.close();
        }
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(topics.settings());
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(TopicsConfig.POLICIES_TOPIC_CONFIG, POLICIES_TOPIC);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "per-model-policies");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(TwoTeamsTraffic.WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        settings.put(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, "0");
        settings.put(AlertsConfig.TO_CONFIG, SETTINGS_RECIPIENT);
        settings.put(AlertsConfig.GROUP_MS_CONFIG, "200");
        settings.put(AlertsConfig.CONSUMER_GROUP_CONFIG, "per-model-policies-alerts");
        settings.put(AlertsConfig.SENT_TOPIC_CONFIG, "per-model-policies.alerts-sent");
        settings.put(AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1");
        settings.put(AlertsConfig.SMTP_PORT_CONFIG, LocalPorts.free());
        settings.put(AlertsConfig.SMTP_SECURITY_CONFIG, "none");
        return settings;
    }

    private static String run(String... args) {
        return CommandRun.succeed(args);
    }

    private static void produce(String model, Path file) {
        run("produce", "--config", properties.toString(), "--topic", topics.inferences(), "--encoding", "json",
                "--model", model, "--model-version", "v1", "--id-column", "rid", file.toString());
    }

    /** The id {@code driftwatch policy show} prints for the model's v1 under this deployment's settings. */
    private static String shownId(Path policy, String model) {
        String shown = run("policy", "show", "--policy", policy.toString(), "--model", model, "--model-version", "v1",
                "--config", properties.toString());
        Matcher id = SHOWN_ID.matcher(shown.lines().findFirst().orElse(""));
        assertThat(id.find()).as("the id in policy show's first line:\n" + shown).isTrue();
        return id.group(1);
    }

    private static void writeMalformedCreditPolicy() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(POLICIES_TOPIC, "credit/*", "model: credit\nversions: [\"*\"\nfeatures: {")).get();
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("driftwatch triggers printed a line that is no JSON: " + line, e);
        }
    }

    private static double rejected() {
        return serviceMeters.find(PolicyMetrics.REJECTED).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static List<DriftReport> awaitReports(Predicate<DriftReport> counted, int expected) {
        List<DriftReport> read = CommittedTopic.values(broker.bootstrapServers(), topics.driftReports(),
                Topics.DRIFT_REPORTS.valueSerde().deserializer(), done -> done.stream().filter(counted).count() >= expected,
                Duration.ofSeconds(60));
        assertThat(read.stream().filter(counted)).as("drift reports").hasSize(expected);
        return read;
    }

    private static Stream<String> subjects() {
        return Arrays.stream(mailServer.getReceivedMessages()).map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static DriftReport report(String model, int window) {
        Instant start = windowStart(window);
        return reports.stream().filter(report -> report.getModelName().equals(model) && report.getWindowStart().equals(start))
                .findFirst().orElseThrow(() -> new AssertionError("no report of " + model + " for window " + window + " in " + reports.size()));
    }

    private static Optional<TestResult> test(DriftReport report, String feature, String test) {
        return report.getColumns().stream().filter(column -> column.getFeature().equals(feature))
                .flatMap(column -> column.getTests().stream()).filter(result -> result.getTest().equals(test)).findFirst();
    }

    @Test
    void creditsReportsNameThePolicyIdThatPolicyShowPrints() {
        for (int window = 0; window <= 2; window++) {
            assertThat(report("credit", window).getPolicyId()).as("window " + window).isEqualTo(creditPolicyId);
        }
    }

    @Test
    void creditsReportsNeverTestTheExcludedIdColumn() {
        assertThat(reports.stream().filter(report -> report.getModelName().equals("credit"))
                .flatMap(report -> report.getColumns().stream()).map(ColumnDrift::getFeature)).doesNotContain("request_id").contains("income");
    }

    @Test
    void creditsIncomeIsTestedByPsiAtThePolicysThreshold() {
        TestResult psi = test(report("credit", 1), "income", "psi").orElseThrow();
        assertThat(psi.getThreshold()).isEqualTo(0.2);
    }

    @Test
    void creditsDriftedWindowsCarryTheBrokenRegionExpectation() {
        assertThat(report("credit", 1).getSchemaFindings()).anySatisfy(finding -> {
            assertThat(finding.getFeature()).isEqualTo("region");
            assertThat(finding.getKind()).isEqualTo(SkewKind.UNEXPECTED_VALUE);
            assertThat(finding.getSeverity()).isEqualTo(SkewSeverity.WARNING);
        });
        assertThat(report("credit", 0).getSchemaFindings()).noneMatch(finding -> finding.getKind() == SkewKind.UNEXPECTED_VALUE);
    }

    @Test
    void creditTriggersAfterOneDriftedWindowAndFraudNotWithinTwo() {
        assertThat(report("fraud", 1).getDatasetDrift()).isTrue();
        assertThat(report("fraud", 2).getDatasetDrift()).isTrue();
        assertThat(triggers).noneMatch(trigger -> trigger.get("model").asText().equals("fraud"));
        JsonNode first = triggers.stream().filter(trigger -> trigger.get("model").asText().equals("credit")
                && trigger.get("rule").asText().equals("dataset_drift")).findFirst()
                .orElseThrow(() -> new AssertionError("no dataset_drift trigger of credit in " + triggers));
        assertThat(first.get("windows").findValuesAsText("start")).containsExactly(windowStart(1).toString());
        assertThat(first.get("policy_id").asText()).isEqualTo(creditPolicyId);
    }

    @Test
    void eachTeamIsMailedOnlyItsOwnModelsAlertsAndTheSettingsRecipientNone() {
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            String subject;
            try {
                subject = message.getSubject();
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
            assertThat(recipients(message)).as(subject).containsExactly(subject.contains(" credit ") ? CREDIT_TEAM : FRAUD_TEAM);
        }
        assertThat(subjects()).anyMatch(subject -> subject.contains(" credit ")).anyMatch(subject -> subject.contains(" fraud "));
    }

    @Test
    void policyListPrintsBothKeysAsApplied() {
        assertThat(listedBeforeTheChange).contains("credit/*  file ").contains("fraud/*  file ");
        assertThat(listedBeforeTheChange.lines().filter(line -> line.endsWith("applied"))).hasSize(2);
    }

    @Test
    void policyShowReadingTheTopicPrintsTheIdCreditsReportsCarry() {
        Matcher id = SHOWN_ID.matcher(shownFromTheTopicBeforeTheChange.lines().findFirst().orElse(""));
        assertThat(id.find()).as(shownFromTheTopicBeforeTheChange).isTrue();
        assertThat(id.group(1)).isEqualTo(creditPolicyId);
        assertThat(shownFromTheTopicBeforeTheChange).contains("exclude: [request_id]");
    }

    @Test
    void theWindowClosingAfterAChangedPolicyIsJudgedByItWithoutARestart() {
        assertThat(changedCreditPolicyId).isNotEqualTo(creditPolicyId);
        DriftReport report = report("credit", 3);
        assertThat(report.getPolicyId()).isEqualTo(changedCreditPolicyId);
        assertThat(test(report, "income", "psi").orElseThrow().getThreshold()).isEqualTo(0.25);
    }

    @Test
    void aMalformedPolicyIsCountedAndTheModelKeepsItsValidOne() {
        assertThat(rejectedAfterTheMalformedRecord).isEqualTo(1);
        assertThat(report("credit", 4).getPolicyId()).isEqualTo(changedCreditPolicyId);
    }
}
