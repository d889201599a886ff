package io.driftwatch.alerts.policy;

import io.driftwatch.schemas.record.AlertSeverity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FollowedRoutesTest {
    private static final String TOPIC = "driftwatch.policies";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final AlertRouting.Route DEFAULT = new AlertRouting.Route(List.of("oncall@example.test"), AlertSeverity.INFO, 6);

    /** A policy format for the test: the text is the recipient of the model its key {@code MODEL/*} names; text without an @ is refused. */
    private static final PolicyRouting RECIPIENT_PER_MODEL = new PolicyRouting() {
        @Override
        public boolean accepts(String key, String text) {
            return text.contains("@");
        }

        @Override
        public AlertRouting.Route route(String model, String version, Map<String, String> acceptedPolicies) {
            String recipient = acceptedPolicies.get(model + "/*");
            return recipient == null ? DEFAULT : new AlertRouting.Route(List.of(recipient), AlertSeverity.INFO, 6);
        }
    };

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private long nextOffset;

    private FollowedRoutes follow(List<ConsumerRecord<String, String>> published) {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) published.size()));
        consumer.schedulePollTask(() -> published.forEach(consumer::addRecord));
        return new FollowedRoutes(consumer, TOPIC, RECIPIENT_PER_MODEL, Duration.ofSeconds(5));
    }

    private ConsumerRecord<String, String> published(String key, String text) {
        return new ConsumerRecord<>(TOPIC, 0, nextOffset++, key, text);
    }

    @Test
    void theRoutesPublishedBeforeTheStartApplyToTheFirstAlert() {
        try (FollowedRoutes routes = follow(List.of(published("credit/*", "credit-ml@example.test")))) {
            assertThat(routes.route("credit", "2.1").to()).containsExactly("credit-ml@example.test");
            assertThat(routes.route("fraud", "v3").to()).containsExactly("oncall@example.test");
        }
    }

    @Test
    void aPolicyPublishedLaterReroutesItsModelAndARefusedOneLeavesThePreviousRoute() {
        try (FollowedRoutes routes = follow(List.of(published("credit/*", "credit-ml@example.test")))) {
            assertThat(routes.route("credit", "2.1").to()).containsExactly("credit-ml@example.test");

            consumer.addRecord(published("fraud/*", "fraud-ml@example.test"));
            consumer.addRecord(published("credit/*", "not an address"));
            routes.poll();

            assertThat(routes.route("fraud", "v3").to()).containsExactly("fraud-ml@example.test");
            assertThat(routes.route("credit", "2.1").to()).containsExactly("credit-ml@example.test");
        }
    }

    @Test
    void aWithdrawnPolicyLeavesItsModelToTheDefaultRoute() {
        try (FollowedRoutes routes = follow(List.of(published("credit/*", "credit-ml@example.test")))) {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, nextOffset++, "credit/*", null));
            routes.poll();

            assertThat(routes.route("credit", "2.1")).isEqualTo(DEFAULT);
        }
    }

    @Test
    void theConsumerFollowsThePoliciesWithoutAGroupOfItsOwn() {
        try (FollowedRoutes routes = follow(List.of())) {
            assertThat(consumer.assignment()).containsExactly(PARTITION);
            assertThat(consumer.subscription()).isEmpty();
            assertThat(routes.route("credit", "2.1")).isEqualTo(DEFAULT);
        }
        assertThat(consumer.closed()).isTrue();
    }
}
