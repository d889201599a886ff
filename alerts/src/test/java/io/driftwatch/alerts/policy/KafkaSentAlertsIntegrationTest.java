package io.driftwatch.alerts.policy;

import io.driftwatch.broker.SharedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sent ids as a restarted alerts process finds them on a real broker: those within the retention are
 * read back and skipped, older ones are forgotten in memory and when read back.
 */
class KafkaSentAlertsIntegrationTest {
    private static final Duration RETENTION = Duration.ofDays(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // In the past, so that every record timestamp below is one the broker takes.
    private final Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();

    private static KafkaSentAlerts open(String topic, Instant now) {
        return KafkaSentAlerts.open(Map.of("bootstrap.servers", broker.bootstrapServers()), topic, RETENTION, TIMEOUT,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    @Test
    void aRestartSkipsTheIdsMailedWithinTheRetentionAndForgetsOlderOnes() throws Exception {
        createTopic("sent-expiry");
        try (KafkaSentAlerts first = open("sent-expiry", start)) {
            first.recordSent(List.of("fraud/v3/0", "fraud/v3/1"));
        }
        Instant twoDaysOn = start.plus(Duration.ofDays(2));
        try (KafkaSentAlerts second = open("sent-expiry", twoDaysOn.minus(RETENTION))) {
            assertThat(second.contains("fraud/v3/0")).as("exactly one retention old").isTrue();
            assertThat(second.rememberedIds()).isEqualTo(2);
        }
        try (KafkaSentAlerts third = open("sent-expiry", twoDaysOn)) {
            assertThat(third.contains("fraud/v3/0")).as("mailed two days ago, retention one day").isFalse();
            assertThat(third.rememberedIds()).isZero();
            third.recordSent(List.of("fraud/v3/9"));
            assertThat(third.contains("fraud/v3/9")).isTrue();
            assertThat(third.rememberedIds()).isEqualTo(1);
        }
        try (KafkaSentAlerts fourth = open("sent-expiry", twoDaysOn.plusSeconds(60))) {
            assertThat(fourth.contains("fraud/v3/9")).isTrue();
            assertThat(fourth.contains("fraud/v3/1")).isFalse();
            assertThat(fourth.rememberedIds()).isEqualTo(1);
        }
    }

    @Test
    void idsExpireWhileTheProcessRunsAsNewOnesAreRecorded() throws Exception {
        createTopic("sent-running");
        MutableClock clock = new MutableClock(start);
        try (KafkaSentAlerts sent = KafkaSentAlerts.open(Map.of("bootstrap.servers", broker.bootstrapServers()), "sent-running",
                RETENTION, TIMEOUT, clock)) {
            sent.recordSent(List.of("a"));
            clock.now = start.plus(Duration.ofHours(12));
            sent.recordSent(List.of("b"));
            clock.now = start.plus(Duration.ofHours(30));
            sent.recordSent(List.of("c"));

            assertThat(sent.contains("a")).isFalse();
            assertThat(sent.contains("b")).isTrue();
            assertThat(sent.contains("c")).isTrue();
            assertThat(sent.rememberedIds()).isEqualTo(2);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
