package io.driftwatch.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.alerts.policy.PolicyRouting;
import io.driftwatch.broker.LocalPorts;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.Topics;
import io.driftwatch.topics.TopicsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts process against a real broker and a real SMTP server: transactional alert events in, one email per
 * model version out, nothing twice across a restart, nothing lost while SMTP is down.
 */
@Tag("reliability")
class AlertsServiceIntegrationTest {
    private static final Duration GROUP = Duration.ofMillis(1_500);
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private GreenMail greenMail;

    @AfterEach
    void stopMail() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static GreenMail mailServer(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static Map<String, Object> settings(String name, int smtpPort, String consumerGroup) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(TopicsConfig.ALERTS_TOPIC_CONFIG, "alerts-" + name);
        settings.put(AlertsConfig.SENT_TOPIC_CONFIG, "alerts-sent-" + name);
        settings.put(AlertsConfig.CONSUMER_GROUP_CONFIG, consumerGroup);
        settings.put(AlertsConfig.GROUP_MS_CONFIG, Long.toString(GROUP.toMillis()));
        settings.put(AlertsConfig.TO_CONFIG, "oncall@example.test");
        settings.put(AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1");
        settings.put(AlertsConfig.SMTP_PORT_CONFIG, Integer.toString(smtpPort));
        settings.put(AlertsConfig.SMTP_SECURITY_CONFIG, "none");
        settings.put(AlertsConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        settings.put(AlertsConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "400");
        return settings;
    }

    private static AlertsService start(Map<String, Object> settings, MeterRegistry meters) {
        return AlertsService.start(new TopicsConfig(settings), new AlertsConfig(settings, Map.of()), meters, Clock.systemUTC(), null);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // commitTransaction throws when a send failed; an aborted one is meant to vanish
    private static void produce(String topic, boolean commit, AlertEvent... events) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-topology-" + topic);
        try (KafkaProducer<String, AlertEvent> producer = new KafkaProducer<>(settings, new StringSerializer(),
                Topics.ALERTS.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (AlertEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.getModelName() + "/" + event.getModelVersion(), event));
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.flush();
                producer.abortTransaction();
            }
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    /**
     * Checks for {@code period} that no more than {@code emails} emails arrive, after they have: a repeated or an
     * aborted alert's email would come within two grouping periods.
     */
    private void noMoreEmailsThan(int emails, Duration period) {
        Awaitility.await("no email after the " + emails + " expected").during(period).atMost(period.plus(Duration.ofSeconds(10)))
                .pollInterval(Duration.ofMillis(100)).until(() -> greenMail.getReceivedMessages().length == emails);
    }

    private static String alertIds(MimeMessage message) {
        try {
            return message.getHeader("X-Driftwatch-Alert-Ids", ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> subjects() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(message -> {
            try {
                return message.getSubject();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).sorted().toList();
    }

    private static void publishPolicy(String topic, String key, String text) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, text)).get();
        }
    }

    /** A policy format for the test: a policy's text is the one recipient of the model its key {@code MODEL/*} names. */
    private static final PolicyRouting RECIPIENT_PER_MODEL = new PolicyRouting() {
        @Override
        public boolean accepts(String key, String text) {
            return text.endsWith("@example.test");
        }

        @Override
        public AlertRouting.Route route(String model, String version, Map<String, String> acceptedPolicies) {
            return new AlertRouting.Route(List.of(acceptedPolicies.getOrDefault(model + "/*", "oncall@example.test")),
                    AlertSeverity.INFO, 6);
        }
    };

    private Map<String, List<String>> recipientsByAlertIds() {
        Map<String, List<String>> recipients = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                recipients.put(alertIds(message), Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .map(Address::toString).toList());
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return recipients;
    }

    @Test
    void eachTeamIsMailedOnlyItsOwnModelsAlertsAsThePoliciesOnTheTopicSay() throws Exception {
        greenMail = mailServer(LocalPorts.free());
        Map<String, Object> settings = settings("routes", greenMail.getSmtp().getPort(), "alerts-routes");
        settings.put(TopicsConfig.POLICIES_TOPIC_CONFIG, "policies-routes");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(Topics.POLICIES.spec(new TopicsConfig(settings))));
        }
        publishPolicy("policies-routes", "fraud/*", "fraud-ml@example.test");
        publishPolicy("policies-routes", "credit/*", "credit-ml@example.test");
        AlertEvent fraud = SampleAlerts.drift("fraud", "v3", 0, "age");
        AlertEvent credit = SampleAlerts.drift("credit", "2.1", 0, "income");
        AlertEvent fraudLater = SampleAlerts.drift("fraud", "v3", 5, "age");
        try (AlertsService service = AlertsService.start(new TopicsConfig(settings), new AlertsConfig(settings, Map.of()),
                RECIPIENT_PER_MODEL, new SimpleMeterRegistry(), Clock.systemUTC(), null)) {
            produce("alerts-routes", true, fraud, credit);
            await(() -> greenMail.getReceivedMessages().length == 2, Duration.ofSeconds(30), "one email per team");
            publishPolicy("policies-routes", "fraud/*", "fraud-oncall@example.test");
            publishPolicy("policies-routes", "credit/*", "not an address");
            produce("alerts-routes", true, fraudLater);
            await(() -> greenMail.getReceivedMessages().length == 3, Duration.ofSeconds(30), "the third email");
            assertThat(service.failure()).isEmpty();
        }

        assertThat(recipientsByAlertIds()).containsOnly(
                Map.entry(fraud.getAlertId(), List.of("fraud-ml@example.test")),
                Map.entry(credit.getAlertId(), List.of("credit-ml@example.test")),
                Map.entry(fraudLater.getAlertId(), List.of("fraud-oncall@example.test")));
    }

    @Test
    void groupsPerModelVersionSkipsAbortedAlertsAndMailsNothingTwiceAfterARestart() throws Exception {
        greenMail = mailServer(LocalPorts.free());
        Map<String, Object> settings = settings("restart", greenMail.getSmtp().getPort(), "alerts-first");
        AlertEvent fraud0 = SampleAlerts.drift("fraud", "v3", 0, "age");
        AlertEvent fraud1 = SampleAlerts.drift("fraud", "v3", 1, "age");
        AlertEvent churn0 = SampleAlerts.drift("churn", "v1", 0, "tenure");
        try (AlertsService first = start(settings, new SimpleMeterRegistry())) {
            produce("alerts-restart", true, fraud0, fraud1, churn0);
            produce("alerts-restart", false, SampleAlerts.drift("fraud", "v3", 9, "age"));
            await(() -> greenMail.getReceivedMessages().length >= 2, Duration.ofSeconds(60), "two emails");
            noMoreEmailsThan(2, GROUP.multipliedBy(2));
        }
        assertThat(subjects()).containsExactly(
                "[driftwatch WARNING] churn v1: tenure drifted (ks p = 4.7e-06, drift when p <= 0.05)",
                "[driftwatch WARNING] fraud v3: age drifted (ks p = 4.7e-06, drift when p <= 0.05) (2 windows)");
        MimeMessage fraudMail = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> alertIds(m).contains("fraud")).findFirst().orElseThrow();
        assertThat(alertIds(fraudMail)).isEqualTo(fraud0.getAlertId() + "," + fraud1.getAlertId());

        // A new instance in a new consumer group re-reads every alert; only the sent-ids topic stops a repeat.
        settings.put(AlertsConfig.CONSUMER_GROUP_CONFIG, "alerts-second");
        AlertEvent fraud2 = SampleAlerts.drift("fraud", "v3", 2, "age");
        MeterRegistry meters = new SimpleMeterRegistry();
        try (AlertsService second = start(settings, meters)) {
            produce("alerts-restart", true, fraud2);
            await(() -> greenMail.getReceivedMessages().length >= 3, Duration.ofSeconds(60), "the third email");
            noMoreEmailsThan(3, GROUP.multipliedBy(2));
            assertThat(meters.get("driftwatch.alerts.sent.ids").gauge().value()).as("three ids read back and one mailed").isEqualTo(4.0);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ConfigResource sentTopic = new ConfigResource(ConfigResource.Type.TOPIC, "alerts-sent-restart");
            Config config = admin.describeConfigs(List.of(sentTopic)).all().get().get(sentTopic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
            assertThat(config.get("retention.ms").value()).as("the default driftwatch.alerts.sent.retention.ms, 30 days")
                    .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(alertIds(received[2])).isEqualTo(fraud2.getAlertId());
        assertThat(meters.get("driftwatch.alerts.duplicates").counter().count()).isEqualTo(3.0);
    }

    @Test
    void aConsumerThatFailsStopsTheServiceWithTheCauseInsteadOfLeavingItIdle() throws Exception {
        Map<String, Object> settings = settings("failing", LocalPorts.free(), "alerts-failing");
        settings.put("auto.offset.reset", "none");
        try (AlertsService service = start(settings, new SimpleMeterRegistry())) {
            produce("alerts-failing", true, SampleAlerts.drift("fraud", "v3", 0, "age"));
            await(() -> service.failure().isPresent(), Duration.ofSeconds(60), "the consumer's failure");
            service.awaitStop();
            assertThat(service.failure().orElseThrow()).hasMessageContaining("alerts-failing");
        }
    }

    @Test
    void whileSmtpIsDownAlertsWaitAndWhenItIsBackEachIsMailedExactlyOnce() throws Exception {
        int port = LocalPorts.free();
        Map<String, Object> settings = settings("outage", port, "alerts-outage");
        MeterRegistry meters = new SimpleMeterRegistry();
        List<AlertEvent> events = List.of(SampleAlerts.drift("fraud", "v3", 0, "age"), SampleAlerts.drift("churn", "v1", 0, "tenure"),
                SampleAlerts.drift("ranker", "v7", 0, "score"));
        try (AlertsService service = start(settings, meters)) {
            produce("alerts-outage", true, events.toArray(AlertEvent[]::new));
            await(() -> failures(meters) >= 3, Duration.ofSeconds(60), "three refused attempts");
            greenMail = mailServer(port);
            await(() -> greenMail.getReceivedMessages().length >= 3, Duration.ofSeconds(60), "three emails");
            noMoreEmailsThan(3, GROUP.multipliedBy(2).plusSeconds(1));
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        List<String> ids = Arrays.stream(received).map(AlertsServiceIntegrationTest::alertIds).sorted().toList();
        assertThat(ids).containsExactlyElementsOf(events.stream().map(AlertEvent::getAlertId).sorted().toList());
        assertThat(meters.get("driftwatch.alerts.delivery.failures").tag("reason", "refused").tag("permanent", "false")
                .counter().count()).isGreaterThanOrEqualTo(3.0);
    }

    private static double failures(MeterRegistry meters) {
        return meters.find("driftwatch.alerts.delivery.failures").counters().stream().mapToDouble(Counter::count).sum();
    }
}
