package io.driftwatch.tools.chaos;

import io.driftwatch.broker.LocalPorts;
import io.driftwatch.topology.config.DriftwatchConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The settings of one {@code driftwatch run} in a scenario: its own application id and output topics (suffixed
 * with the run's name, so a reference run and a faulted run on one broker never mix), windows small enough for
 * a scenario, and no metrics port unless a scenario asks for a free one, since killed and restarted children must
 * not wait for a fixed one to be free.
 */
final class RunSettings {
    private static final List<String> OUTPUT_TOPICS = List.of(DriftwatchConfig.PROFILES_TOPIC_CONFIG,
            DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG, DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, DriftwatchConfig.ALERTS_TOPIC_CONFIG,
            DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG, DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG);

    private final String run;
    private final Map<String, Object> settings = new LinkedHashMap<>();

    private RunSettings(String run) {
        this.run = run;
    }

    /**
     * Settings for a run named {@code run} reading {@code inferences} with {@code partitions} partitions, windows of
     * {@code window} with a minute's grace, and {@code exactValues} exact values per window (so a window within it
     * is exact and comparable to the last bit across runs).
     */
    static RunSettings of(String bootstrapServers, String run, Duration window, int partitions, int exactValues) {
        return named(bootstrapServers, run)
                .set(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(partitions))
                .set(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(window.toMillis()))
                .set(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000")
                .set(DriftwatchConfig.EXACT_VALUES_CONFIG, Integer.toString(exactValues))
                .set(DriftwatchConfig.TRIGGER_COOLDOWN_MS_CONFIG, "0");
    }

    /**
     * Only what keeps a run named {@code run} apart from the others on the broker: its application id, its
     * suffixed output topics and no metrics port; for a process that reads those topics, such as {@code alerts}.
     */
    static RunSettings named(String bootstrapServers, String run) {
        RunSettings settings = new RunSettings(run);
        settings.set("bootstrap.servers", bootstrapServers)
                .set(DriftwatchConfig.APPLICATION_ID_CONFIG, applicationId(run))
                .set(DriftwatchConfig.METRICS_PORT_CONFIG, "0");
        for (String topic : OUTPUT_TOPICS) {
            settings.set(topic, DriftwatchConfig.CONFIG_DEF.defaultValues().get(topic) + "-" + run);
        }
        return settings;
    }

    static String applicationId(String run) {
        return "chaos-" + run;
    }

    RunSettings set(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    /**
     * Serves the run's {@code /metrics} on a port free now (not fixed: scenarios share the machine), for a scenario
     * that reads the service's meters from outside.
     *
     * @return the port
     */
    int serveMetrics() throws IOException {
        int port = LocalPorts.free();
        set(DriftwatchConfig.METRICS_PORT_CONFIG, Integer.toString(port));
        set(DriftwatchConfig.METRICS_BIND_ADDRESS_CONFIG, "127.0.0.1");
        return port;
    }

    String applicationId() {
        return applicationId(run);
    }

    /** The name of the output topic configured by {@code topicConfig}, such as the triggers topic of this run. */
    String topic(String topicConfig) {
        return requireNonNull(settings.get(topicConfig), topicConfig).toString();
    }

    DriftwatchConfig config() {
        return new DriftwatchConfig(settings);
    }

    Map<String, Object> asMap() {
        return Map.copyOf(settings);
    }

    /** Writes the settings as a properties file for {@code driftwatch run --config}, with a state directory of the run's own. */
    Path write(Path directory) {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty(key, value.toString()));
        properties.setProperty("state.dir", directory.resolve("state-" + run).toString());
        Path file = directory.resolve(run + ".properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "driftwatch chaos: run " + run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
