package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka over TLS as a deployment meets it: the broker's client listener is SSL, or SASL_SSL with the PLAIN user,
 * with a certificate from a CA of the deployment's own (made at test time with keytool), and every driftwatch
 * client (baseline, produce, the service's admin client and Kafka Streams, triggers) trusts it through the
 * truststore settings of a properties file. With the right truststore a drift trigger comes out and neither the
 * store passwords nor the SASL password appear in the service's log; with a truststore of another CA
 * {@code driftwatch run} stops within seconds with exit code 2 and one line naming the broker and the settings
 * to check.
 */
@Tag("reliability")
class KafkaTlsIntegrationTest {
    private static final String SSL = "SSL";
    private static final String SASL_SSL = "SASL_SSL";
    private static final Duration FAIL_FAST = Duration.ofSeconds(30);
    private static final Duration TRIGGER_WITHIN = Duration.ofMinutes(2);
    private static final List<String> SECRETS = List.of(TlsStores.KEYSTORE_PASSWORD, TlsStores.TRUSTSTORE_PASSWORD,
            SaslBroker.PLAIN_PASSWORD, SaslBroker.ADMIN_PASSWORD);
    private static final Map<String, EmbeddedKafkaBroker> brokers = new HashMap<>();
    private static TlsStores stores;
    @TempDir
    static Path directory;

    @BeforeAll
    static void makeTheKeysAndCertificates() throws Exception {
        stores = TlsStores.generate(directory);
    }

    @AfterAll
    static void stop() {
        brokers.values().forEach(EmbeddedKafkaBroker::close);
    }

    /** The broker whose client listener speaks {@code protocol}, started on first use with the baseline and traffic published. */
    private static EmbeddedKafkaBroker broker(String protocol) throws Exception {
        EmbeddedKafkaBroker running = brokers.get(protocol);
        if (running != null) {
            return running;
        }
        Map<String, String> listener = new HashMap<>(stores.listenerSettings());
        if (protocol.equals(SASL_SSL)) {
            listener.putAll(SaslBroker.plainListener());
        }
        listener.put("listener.security.protocol.map", "PLAINTEXT:" + protocol + ",CONTROLLER:PLAINTEXT");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(listener, client(protocol, true));
        brokers.put(protocol, broker);
        Path client = clientProperties(directory.resolve(protocol + "-client.properties"), protocol);
        Random random = new Random(11);
        execute("baseline", "--model", "fraud", "--model-version", "v3", "--input", ShiftedTraffic.training(directory, random).toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--config", client.toString());
        execute("produce", "--bootstrap-servers", broker.bootstrapServers(), "--config", client.toString(),
                "--topic", "inferences", "--encoding", "json", "--partitions", "1", "--model", "fraud", "--model-version", "v3",
                ShiftedTraffic.traffic(directory, random).toString());
        return broker;
    }

    /** A client's settings over {@code protocol}: the truststore (of the test CA, or of an unrelated one), and the PLAIN user's for SASL_SSL. */
    private static Map<String, Object> client(String protocol, boolean trusted) {
        Map<String, Object> settings = new HashMap<>();
        if (protocol.equals(SASL_SSL)) {
            settings.putAll(SaslBroker.client(SaslBroker.PLAIN, SaslBroker.PLAIN_USER, SaslBroker.PLAIN_PASSWORD));
        }
        settings.putAll(stores.clientSettings(trusted));
        settings.put("security.protocol", protocol);
        return settings;
    }

    private static Path clientProperties(Path file, String protocol) throws IOException {
        Properties properties = new Properties();
        client(protocol, true).forEach((key, value) -> properties.setProperty(key, value.toString()));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static void execute(String... args) {
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + err).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {SSL, SASL_SSL})
    void withTheTruststoreTheServiceConnectsOverTlsWritesTheDriftTriggerAndLogsNoPassword(String protocol) throws Exception {
        EmbeddedKafkaBroker broker = broker(protocol);
        String name = protocol.toLowerCase(Locale.ROOT);
        Path config = ShiftedTrafficRun.write(directory, name, broker.bootstrapServers(), client(protocol, true));
        Path log = directory.resolve("run-" + name + ".log");
        Process run = runInChildJvm(config, log);
        List<String> lines;
        try {
            lines = SettledTriggers.read(() -> ShiftedTrafficRun.triggers(broker.bootstrapServers(), ShiftedTrafficRun.triggersTopic(name), config),
                    TRIGGER_WITHIN, run::isAlive);
        } catch (ConditionTimeoutException | TerminalFailureException noSettledTrigger) {
            throw new AssertionError("no single trigger read over TLS; the run's log:\n" + Files.readString(log), noSettledTrigger);
        } finally {
            run.destroy();
            run.waitFor(60, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertThat(lines).as("exactly one trigger, read over TLS; the run's log:\n" + output).hasSize(1);
        JsonNode trigger = new ObjectMapper().readTree(lines.get(0));
        assertThat(trigger.get("rule").asText()).isEqualTo("dataset_drift");
        assertThat(trigger.get("windows").findValuesAsText("start")).containsExactlyElementsOf(ShiftedTraffic.triggeredWindowStarts());
        assertThat(output).as("Kafka's config dump is in the log, so a password in it would show")
                .contains("ssl.truststore.password = [hidden]").contains("security.protocol = " + protocol);
        SECRETS.forEach(secret -> assertThat(output).doesNotContain(secret));
    }

    /** {@code driftwatch run} in a JVM of its own with Kafka's logging at INFO, which prints every client's config. */
    private static Process runInChildJvm(Path config, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @ParameterizedTest
    @ValueSource(strings = {SSL, SASL_SSL})
    void withATruststoreOfAnotherCaRunStopsAtOnceWithOneLineNamingTheBrokerAndTheTruststore(String protocol) throws Exception {
        EmbeddedKafkaBroker broker = broker(protocol);
        Path config = ShiftedTrafficRun.write(directory, "untrusted-" + protocol.toLowerCase(Locale.ROOT), broker.bootstrapServers(),
                client(protocol, false));
        String message = RunAttempt.of(config).assertStoppedAtOnceWithOneLine(FAIL_FAST, config).message();
        assertThat(message).contains(broker.bootstrapServers()).contains("does not trust the broker's TLS certificate")
                .contains("ssl.truststore.location");
        SECRETS.forEach(secret -> assertThat(message).doesNotContain(secret));
    }
}
