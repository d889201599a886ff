package io.driftwatch.broker;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SharedKafkaBrokerIntegrationTest {

    @Test
    void everyCallGetsTheSameBrokerAndItAnswers() throws Exception {
        SharedKafkaBroker broker = SharedKafkaBroker.get();

        assertThat(SharedKafkaBroker.get()).isSameAs(broker);
        assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
