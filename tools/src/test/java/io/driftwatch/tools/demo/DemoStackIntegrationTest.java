package io.driftwatch.tools.demo;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's footprint on its broker: with the baseline published, the service and the alerts process started
 * and some traffic sent, every topic and consumer group on the broker is the demo's own, so a user's
 * {@code driftwatch run} or {@code alerts} with the default names on the same broker shares none of them.
 */
class DemoStackIntegrationTest {
    private static final Duration GROUPS_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void everyTopicAndConsumerGroupOnTheDemosBrokerIsTheDemosOwn() throws Exception {
        Clock clock = Clock.systemUTC();
        DemoScenario scenario = new DemoScenario(clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS),
                Duration.ofMinutes(10), 4, 2, 20, Duration.ofMinutes(20), 7L);
        try (DemoStack stack = DemoStack.startInfrastructure(scenario)) {
            Path inputs = BundledData.copy(BundledData.REFERENCE, directory);
            DemoBaseline.publish(ScoredTraining.write(inputs, directory, scenario.seed()), CreditTraffic.MODEL, CreditTraffic.VERSION,
                    ScoredTraining.ESTIMATION, stack.config(), clock);
            stack.startDriftwatch(directory);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.config().kafkaSettings(), new StringSerializer(),
                    new ByteArraySerializer())) {
                for (DemoRecord record : CreditTraffic.from(inputs, scenario).records()) {
                    producer.send(new ProducerRecord<>(record.topic(), null, record.eventTime().toEpochMilli(), record.key(),
                            record.value())).get();
                }
            }

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).contains("driftwatch-demo.inferences", "driftwatch-demo.labels", "driftwatch-demo.triggers",
                        "driftwatch-demo.alerts", "driftwatch-demo.alerts-sent", "driftwatch-demo.dead-letter");
                assertThat(topics).allSatisfy(topic -> assertThat(topic).startsWith("driftwatch-demo"));
                assertThat(groupsOnceTheAlertsProcessJoined(admin)).containsExactlyInAnyOrder("driftwatch-demo", "driftwatch-demo-alerts");
            }
        }
    }

    private static Set<String> groupsOnceTheAlertsProcessJoined(Admin admin) throws Exception {
        long deadline = System.nanoTime() + GROUPS_WAIT.toNanos();
        Set<String> groups;
        do {
            groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).collect(Collectors.toSet());
        } while (groups.size() < 2 && System.nanoTime() < deadline);
        return groups;
    }
}
