package io.driftwatch.cli.produce;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The Kafka client settings of {@code produce}: the bootstrap servers and the Kafka settings of the user's
 * {@code --config} file, passed through (SASL, SSL, client tuning). The producer gets driftwatch's defaults
 * (lz4, 5 ms linger, 64 KiB batches) under the file's settings, and the file cannot weaken delivery: {@code acks=all} and idempotence
 * always hold, so a row is either written once or reported as failed. The admin client that creates the
 * topic gets the file's settings it knows (security ones, typically). {@code toString()} names the keys
 * the file set, never their values, since they hold passwords.
 */
public final class KafkaClientSettings {
    private static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
            ProducerConfig.CLIENT_ID_CONFIG, "driftwatch-produce");

    private static final String DRIFTWATCH_PREFIX = "driftwatch.";

    private final String bootstrapServers;
    private final Map<String, String> fileSettings;

    private KafkaClientSettings(String bootstrapServers, Map<String, String> fileSettings) {
        this.bootstrapServers = bootstrapServers;
        this.fileSettings = Map.copyOf(fileSettings);
    }

    /**
     * @param settings the Kafka client settings (a {@code --config} file's, typically); its {@code driftwatch.*}
     *                 keys are driftwatch's own and are not passed to the clients, and its {@code bootstrap.servers}
     *                 gives way to {@code bootstrapServers}
     */
    public static KafkaClientSettings of(String bootstrapServers, Map<String, ?> settings) {
        requireNonNull(bootstrapServers, "bootstrapServers");
        Map<String, String> clientSettings = new HashMap<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith(DRIFTWATCH_PREFIX)) {
                clientSettings.put(key, String.valueOf(value));
            }
        });
        return new KafkaClientSettings(bootstrapServers, clientSettings);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Settings of the producer; the caller passes the serializers as instances. */
    Map<String, Object> producer() {
        Map<String, Object> config = new HashMap<>(PRODUCER_DEFAULTS);
        config.putAll(fileSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** Settings of the admin client: the file's settings an admin client has, and the bootstrap servers. */
    Map<String, Object> admin() {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> config = new HashMap<>();
        fileSettings.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    @Override
    public String toString() {
        return "KafkaClientSettings[bootstrap.servers=" + bootstrapServers + ", from file: " + new TreeSet<>(fileSettings.keySet()) + "]";
    }
}
