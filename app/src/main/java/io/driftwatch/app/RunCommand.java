package io.driftwatch.app;

import io.driftwatch.app.metrics.ProcessMetrics;
import io.driftwatch.app.run.DriftwatchService;
import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch run}: runs the streaming service until stopped: windows, drift reports, triggers and
 * alert events, exactly once. Configuration comes from a properties file; {@code --set} overrides keys.
 * Its meters are served to Prometheus on {@code driftwatch.metrics.port}.
 */
@Command(mixinStandardHelpOptions = true, name = "run",
        description = {"Run the streaming service: windowed profiles, drift reports, retraining triggers, alert events.", ""},
        footer = {"", "Examples:",
                "  driftwatch run --config driftwatch.properties",
                "  driftwatch run --config driftwatch.properties --set driftwatch.window.size.ms=600000",
                "", "The file holds driftwatch.* keys (see the README's configuration reference) and any Kafka client",
                "settings (bootstrap.servers, security.protocol, sasl.*, ssl.*), which pass through unchanged.",
                "Exit codes: 0 stopped cleanly, 2 bad configuration (including credentials Kafka refuses)."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Properties file.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting. Repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        DriftwatchConfig config = load(configFile, overrides);
        try (ProcessMetrics metrics = ProcessMetrics.start(config);
             DriftwatchService service = DriftwatchService.start(config, metrics.registry(), Map.of())) {
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "driftwatch-shutdown"));
            service.awaitStop();
        } catch (RuntimeException e) {
            Optional<BadInputException> refused = KafkaAuthentication.refusal(e, config, configFile);
            if (refused.isPresent()) {
                throw refused.get();
            }
            throw e;
        }
        return 0;
    }

    /**
     * @throws BadInputException naming the file, or the key and what it expects
     */
    static DriftwatchConfig load(Path file, Map<String, String> overrides) throws BadInputException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new BadInputException("cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> settings = new HashMap<>(DriftwatchConfig.fromProperties(properties));
        settings.putAll(overrides);
        try {
            return new DriftwatchConfig(settings);
        } catch (ConfigException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }
}
