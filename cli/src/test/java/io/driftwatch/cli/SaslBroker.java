package io.driftwatch.cli;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The embedded broker with its client listener behind SASL_PLAINTEXT (mechanisms PLAIN and SCRAM-SHA-512;
 * the controller listener stays plaintext), a PLAIN user and a SCRAM user created through the admin API, so
 * tests connect as a production client would. The passwords are distinctive strings tests grep logs for.
 */
final class SaslBroker implements AutoCloseable {
    static final String PLAIN = "PLAIN";
    static final String SCRAM = "SCRAM-SHA-512";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin-pw-Zq81xK";
    static final String PLAIN_USER = "driftwatch";
    static final String PLAIN_PASSWORD = "plain-pw-Hv27cR";
    static final String SCRAM_USER = "driftwatch-scram";
    static final String SCRAM_PASSWORD = "scram-pw-Wt63mN";
    private static final Duration SCRAM_READY = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;

    private SaslBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static SaslBroker start() throws Exception {
        Map<String, String> overrides = new HashMap<>(plainListener());
        overrides.putAll(Map.of(
                "listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", PLAIN + "," + SCRAM,
                "listener.name.plaintext.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
        SaslBroker sasl = new SaslBroker(EmbeddedKafkaBroker.start(overrides, client(PLAIN, ADMIN_USER, ADMIN_PASSWORD)));
        sasl.createScramUser();
        return sasl;
    }

    private void createScramUser() throws Exception {
        try (Admin admin = Admin.create(clientSettings(PLAIN, ADMIN_USER, ADMIN_PASSWORD))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SCRAM_USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), SCRAM_PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }
        // The new credential is usable once the broker has applied it; until then the user's login fails.
        try (Admin admin = Admin.create(clientSettings(SCRAM, SCRAM_USER, SCRAM_PASSWORD))) {
            await("the SCRAM user able to log in").atMost(SCRAM_READY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .pollInSameThread().ignoreExceptionsInstanceOf(ExecutionException.class)
                    .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS) != null);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the SCRAM user never became usable", e);
        }
    }

    /**
     * The broker settings that let the admin and the PLAIN user in on the listener named {@code PLAINTEXT}; the
     * caller maps that listener to SASL_PLAINTEXT or SASL_SSL.
     */
    static Map<String, String> plainListener() {
        String users = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN_USER
                + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN_USER + "=\"" + ADMIN_PASSWORD + "\" user_"
                + PLAIN_USER + "=\"" + PLAIN_PASSWORD + "\";";
        return Map.of("sasl.enabled.mechanisms", PLAIN, "sasl.mechanism.inter.broker.protocol", PLAIN,
                "listener.name.plaintext.plain.sasl.jaas.config", users);
    }

    /** A client's SASL_PLAINTEXT settings for {@code user} over {@code mechanism}. */
    static Map<String, Object> client(String mechanism, String user, String password) {
        String module = mechanism.equals(PLAIN) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + user + "\" password=\"" + password + "\";");
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Bootstrap servers and the SASL settings of one user, as a Kafka client takes them. */
    Map<String, Object> clientSettings(String mechanism, String user, String password) {
        Map<String, Object> settings = new HashMap<>(client(mechanism, user, password));
        settings.put("bootstrap.servers", broker.bootstrapServers());
        return settings;
    }

    /** Writes {@link #clientSettings} as a properties file, for the commands' {@code --config}. */
    Path clientProperties(Path file, String mechanism, String user, String password) throws IOException {
        Properties properties = new Properties();
        client(mechanism, user, password).forEach((key, value) -> properties.setProperty(key, value.toString()));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    @Override
    public void close() {
        broker.close();
    }
}
