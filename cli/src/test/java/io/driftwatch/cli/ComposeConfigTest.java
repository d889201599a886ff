package io.driftwatch.cli;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.alerts.mail.SmtpSecurity;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration files of docker-compose.yml are loaded as {@code run} and {@code alerts} load them, so
 * a key misspelt or a value out of range fails here rather than in a container nobody here can start.
 */
class ComposeConfigTest {
    private static final Path COMPOSE = Path.of("").toAbsolutePath().getParent().resolve("compose");

    @Test
    void theRunConfigurationReadsAvroFromTheComposeRegistryAndServesMetrics() throws Exception {
        DriftwatchConfig config = ConfigFileOptions.of(COMPOSE.resolve("driftwatch.properties"), Map.of()).driftwatchConfig();
        assertThat(config.inputFormat()).isEqualTo(InputFormat.AVRO_REGISTRY);
        assertThat(config.registrySettings().toString()).contains("schema-registry:8081");
        assertThat(config.metricsPort()).isEqualTo(9464);
        assertThat(config.windows().size()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.kafkaSettings()).containsEntry("bootstrap.servers", "kafka:9092");
        assertThat(unknownDriftwatchKeys(COMPOSE.resolve("driftwatch.properties"))).isEmpty();
    }

    @Test
    void theAlertsConfigurationMailsTheComposeMailCatcher() throws Exception {
        Path file = COMPOSE.resolve("alerts.properties");
        ConfigFileOptions options = ConfigFileOptions.of(file, Map.of());
        DriftwatchConfig config = options.driftwatchConfig();
        AlertsConfig alerts = options.parse(settings -> new AlertsConfig(settings, Map.of()));
        assertThat(alerts.smtp().host()).isEqualTo("mailpit");
        assertThat(alerts.smtp().port()).isEqualTo(1025);
        assertThat(alerts.smtp().security()).isEqualTo(SmtpSecurity.NONE);
        assertThat(config.metricsPort()).isEqualTo(9464);
        assertThat(unknownDriftwatchKeys(file)).isEmpty();
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> unknownDriftwatchKeys(Path file) throws IOException {
        return properties(file).stringPropertyNames().stream()
                .filter(key -> key.startsWith("driftwatch."))
                .filter(key -> !DriftwatchConfig.CONFIG_DEF.names().contains(key) && !AlertsConfig.CONFIG_DEF.names().contains(key))
                .toList();
    }
}
