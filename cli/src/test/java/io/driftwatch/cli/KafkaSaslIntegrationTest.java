package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.service.DriftwatchService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka security as a deployment meets it: the broker's client listener needs SASL (PLAIN and SCRAM-SHA-512),
 * and every driftwatch client (baseline, produce, the service's admin client and Kafka Streams, triggers) gets
 * its credentials from a properties file. With the right ones a drift trigger comes out; with a wrong
 * password {@code driftwatch run} stops within seconds with exit code 2 and one line that names the
 * authentication failure, the user and the mechanism, and never the password.
 */
@Tag("reliability")
class KafkaSaslIntegrationTest {
    private static final Duration FAIL_FAST = Duration.ofSeconds(30);
    private static SaslBroker broker;
    @TempDir
    static Path directory;

    @BeforeAll
    static void publishBaselineAndTrafficAsThePlainUser() throws Exception {
        broker = SaslBroker.start();
        Path client = broker.clientProperties(directory.resolve("plain-client.properties"), SaslBroker.PLAIN,
                SaslBroker.PLAIN_USER, SaslBroker.PLAIN_PASSWORD);
        Random random = new Random(11);
        run("baseline", "--model", "fraud", "--model-version", "v3", "--input", ShiftedTraffic.training(directory, random).toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--config", client.toString());
        run("produce", "--bootstrap-servers", broker.bootstrapServers(), "--config", client.toString(),
                "--topic", "inferences", "--encoding", "json", "--partitions", "1", "--model", "fraud", "--model-version", "v3",
                ShiftedTraffic.traffic(directory, random).toString());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static String run(String... args) {
        return CommandRun.succeed(args);
    }

    private static Path serviceProperties(String run, String mechanism, String user, String password) throws IOException {
        return ShiftedTrafficRun.write(directory, run, broker.bootstrapServers(), broker.clientSettings(mechanism, user, password));
    }

    @ParameterizedTest
    @ValueSource(strings = {SaslBroker.PLAIN, SaslBroker.SCRAM})
    void withTheRightCredentialsTheServiceConnectsAndWritesTheDriftTrigger(String mechanism) throws Exception {
        boolean plain = mechanism.equals(SaslBroker.PLAIN);
        String user = plain ? SaslBroker.PLAIN_USER : SaslBroker.SCRAM_USER;
        String password = plain ? SaslBroker.PLAIN_PASSWORD : SaslBroker.SCRAM_PASSWORD;
        String run = mechanism.toLowerCase(Locale.ROOT);
        Path config = serviceProperties(run, mechanism, user, password);
        String triggers = ShiftedTrafficRun.triggersTopic(run);
        List<String> lines;
        try (DriftwatchService service = DriftwatchService.start(ConfigFileOptions.of(config, Map.of()).driftwatchConfig(), new SimpleMeterRegistry(), Map.of())) {
            lines = SettledTriggers.read(() -> ShiftedTrafficRun.triggers(broker.bootstrapServers(), triggers, config), Duration.ofMinutes(2));
        }
        assertThat(lines).as("exactly one trigger, read as " + user + " over " + mechanism).hasSize(1);
        JsonNode trigger = new ObjectMapper().readTree(lines.get(0));
        assertThat(trigger.get("rule").asText()).isEqualTo("dataset_drift");
        assertThat(trigger.get("windows").findValuesAsText("start")).containsExactlyElementsOf(ShiftedTraffic.triggeredWindowStarts());
    }

    @ParameterizedTest
    @ValueSource(strings = {SaslBroker.PLAIN, SaslBroker.SCRAM})
    void withAWrongPasswordRunStopsAtOnceWithOneLineNamingTheAuthenticationFailure(String mechanism) throws Exception {
        String user = mechanism.equals(SaslBroker.PLAIN) ? SaslBroker.PLAIN_USER : SaslBroker.SCRAM_USER;
        String wrongPassword = "wrong-pw-Jd40sL";
        Path config = serviceProperties("wrong-" + mechanism.toLowerCase(Locale.ROOT), mechanism, user, wrongPassword);
        String message = RunAttempt.of(config).assertStoppedAtOnceWithOneLine(FAIL_FAST, config).message();
        assertThat(message).contains("authentication failed").contains(mechanism).contains(user)
                .contains(broker.bootstrapServers()).contains("sasl.jaas.config").doesNotContain(wrongPassword);
    }
}
