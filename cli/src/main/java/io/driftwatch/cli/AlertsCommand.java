package io.driftwatch.cli;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.alerts.AlertsService;
import io.driftwatch.alerts.PolicyAlertRouting;
import io.driftwatch.service.metrics.ProcessMetrics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
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
                "environment variable named by driftwatch.smtp.password.env or the file driftwatch.smtp.password.file."})
public final class AlertsCommand implements Callable<Integer> {
    @Mixin
    private ConfigFileOptions configFile;

    @Option(names = "--save-emails", paramLabel = "DIR", description = "Also save every email sent as NAME.eml and NAME.html in DIR.")
    private @Nullable Path saveDirectory;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        DriftwatchConfig config = configFile.driftwatchConfig();
        AlertsConfig alerts = configFile.parse(settings -> new AlertsConfig(settings, System.getenv()));
        try (ProcessMetrics metrics = ProcessMetrics.start(config);
             AlertsService service = AlertsService.start(config, alerts, new PolicyAlertRouting(alerts), metrics.registry(),
                     Clock.systemUTC(), saveDirectory)) {
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "driftwatch-alerts-shutdown"));
            service.awaitStop();
            if (service.failure().isPresent()) {
                throw service.failure().get();
            }
        } catch (RuntimeException e) {
            throw KafkaAuthentication.explained(e, config, configFile.source());
        }
        return 0;
    }
}
