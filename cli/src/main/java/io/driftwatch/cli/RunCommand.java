package io.driftwatch.cli;

import io.driftwatch.alerts.AlertsPolicyDefaults;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.service.metrics.ProcessMetrics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyModelRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
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
                "", "The file holds driftwatch.* keys (see docs/configuration.md) and any Kafka client",
                "settings (bootstrap.servers, security.protocol, sasl.*, ssl.*), which pass through unchanged."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    private ConfigFileOptions configFile;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        DriftwatchConfig config = configFile.driftwatchConfig();
        try (ProcessMetrics metrics = ProcessMetrics.start(config);
             DriftwatchService service = DriftwatchService.start(config, metrics.registry(), Map.of(),
                     new PolicyModelRules(config, AlertsPolicyDefaults.layer(config.originals())))) {
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "driftwatch-shutdown"));
            service.awaitStop();
        } catch (RuntimeException e) {
            throw KafkaAuthentication.explained(e, config, configFile.source());
        }
        return 0;
    }
}
