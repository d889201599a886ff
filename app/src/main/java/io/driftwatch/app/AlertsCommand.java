package io.driftwatch.app;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.alerts.AlertsService;
import io.driftwatch.app.metrics.ProcessMetrics;
import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch alerts}: the alerts process, run apart from the streaming service so that mail is sent
 * outside its transactions. Reads the same properties file as {@code run}; the alerts keys are
 * {@code driftwatch.alerts.*} and {@code driftwatch.smtp.*}. Its meters are served to Prometheus on
 * {@code driftwatch.metrics.port} (give it a port of its own when it shares a host with {@code run}).
 */
@Command(mixinStandardHelpOptions = true, name = "alerts",
        description = {"Mail alert events: grouped per model version, deduplicated, HTML with charts, through SMTP.", ""},
        footer = {"", "Examples:",
                "  DRIFTWATCH_SMTP_PASSWORD=... driftwatch alerts --config driftwatch.properties",
                "  driftwatch alerts --config driftwatch.properties --save-emails emails/",
                "", "The file needs driftwatch.smtp.host and driftwatch.alerts.to; the SMTP password comes from the",
                "environment variable named by driftwatch.smtp.password.env or the file driftwatch.smtp.password.file.",
                "Exit codes: 0 stopped cleanly, 2 bad configuration (including credentials Kafka refuses)."})
public final class AlertsCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Properties file.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting. Repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--save-emails", paramLabel = "DIR", description = "Also save every email sent as NAME.eml and NAME.html in DIR.")
    private Path saveDirectory;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        DriftwatchConfig config = RunCommand.load(configFile, overrides);
        AlertsConfig alerts = alertsConfig();
        try (ProcessMetrics metrics = ProcessMetrics.start(config);
             AlertsService service = AlertsService.start(config, alerts, metrics.registry(), Clock.systemUTC(), saveDirectory)) {
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "driftwatch-alerts-shutdown"));
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

    private AlertsConfig alertsConfig() throws BadInputException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new BadInputException("cannot read the configuration " + configFile + ": " + e.getMessage(), e);
        }
        Map<String, Object> settings = new HashMap<>(DriftwatchConfig.fromProperties(properties));
        settings.putAll(overrides);
        try {
            return new AlertsConfig(settings, System.getenv());
        } catch (ConfigException e) {
            throw new BadInputException(configFile + ": " + e.getMessage(), e);
        }
    }
}
