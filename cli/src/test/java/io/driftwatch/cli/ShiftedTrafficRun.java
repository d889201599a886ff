package io.driftwatch.cli;

import io.driftwatch.topology.config.DriftwatchConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The properties file of one {@code driftwatch run} over {@link ShiftedTraffic} in a security test: the Kafka
 * client settings under test (SASL, TLS), and the run's own application id, state directory and suffixed output
 * topics, so several runs share one broker without mixing.
 */
final class ShiftedTrafficRun {
    private ShiftedTrafficRun() {
    }

    /** Writes {@code directory/RUN.properties} for a run named {@code run} connecting with {@code clientSettings}. */
    static Path write(Path directory, String run, String bootstrapServers, Map<String, Object> clientSettings) throws IOException {
        Properties properties = new Properties();
        clientSettings.forEach((key, value) -> properties.setProperty(key, value.toString()));
        properties.setProperty("bootstrap.servers", bootstrapServers);
        properties.setProperty("state.dir", directory.resolve("state-" + run).toString());
        properties.setProperty(DriftwatchConfig.APPLICATION_ID_CONFIG, "security-" + run);
        properties.setProperty(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        properties.setProperty(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(ShiftedTraffic.WINDOW.toMillis()));
        properties.setProperty(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        properties.setProperty(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        properties.setProperty(DriftwatchConfig.METRICS_PORT_CONFIG, "0");
        for (String topic : List.of(DriftwatchConfig.PROFILES_TOPIC_CONFIG, DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG,
                DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, DriftwatchConfig.ALERTS_TOPIC_CONFIG, DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG,
                DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG)) {
            properties.setProperty(topic, DriftwatchConfig.CONFIG_DEF.defaultValues().get(topic) + "-" + run);
        }
        Path file = directory.resolve(run + ".properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    /** The triggers on {@code topic} as {@code driftwatch triggers} prints them (one JSON line each); none if it fails. */
    static List<String> triggers(String bootstrapServers, String topic, Path clientConfig) {
        StringWriter out = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("triggers", "--bootstrap-servers", bootstrapServers, "--config", clientConfig.toString(), "--topic", topic);
        return exit == 0 ? out.toString().lines().toList() : List.of();
    }

    /** The triggers topic of the run named {@code run}. */
    static String triggersTopic(String run) {
        return DriftwatchConfig.CONFIG_DEF.defaultValues().get(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG) + "-" + run;
    }
}
