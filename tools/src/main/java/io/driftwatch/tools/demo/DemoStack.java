package io.driftwatch.tools.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.alerts.AlertsPolicyDefaults;
import io.driftwatch.alerts.AlertsService;
import io.driftwatch.alerts.PolicyAlertRouting;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.broker.LocalPorts;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.service.metrics.ProcessMetrics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyModelRules;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Everything the demo runs in this JVM, started in dependency order and stopped in reverse: the embedded broker,
 * the SMTP catcher, the Prometheus endpoint, the streaming service and the alerts process, each on a free local
 * port. {@link #close()} is idempotent and safe from a shutdown hook, so Ctrl-C stops the stack cleanly.
 */
final class DemoStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoStack.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private @Nullable EmbeddedKafkaBroker broker;
    private @Nullable GreenMail mail;
    private @Nullable DriftwatchConfig config;
    private @Nullable Map<String, Object> settings;
    private int metricsPort;

    /** Starts the broker and the SMTP catcher, and settles the configuration on their ports. */
    static DemoStack startInfrastructure(DemoScenario scenario) {
        DemoStack stack = new DemoStack();
        try {
            stack.broker = stack.register(EmbeddedKafkaBroker.start());
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
            stack.mail = mail;
            stack.register(mail::stop);
            stack.metricsPort = LocalPorts.free();
            stack.settings = DemoSettings.of(stack.broker.bootstrapServers(), mail.getSmtp().getPort(), stack.metricsPort, scenario);
            stack.config = new DriftwatchConfig(stack.settings);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts the Prometheus endpoint, the streaming service and the alerts process; the topics exist afterwards. */
    void startDriftwatch(Path emailDirectory) throws IOException {
        Path stateDirectory = Files.createTempDirectory("driftwatch-demo-state");
        register(() -> deleteTree(stateDirectory));
        ProcessMetrics metrics = register(ProcessMetrics.start(config()));
        register(DriftwatchService.start(config(), metrics.registry(), Map.of("state.dir", stateDirectory.toString(),
                "commit.interval.ms", "200", "max.task.idle.ms", "500"), new PolicyModelRules(config(),
                AlertsPolicyDefaults.layer(settings()))));
        AlertsConfig alerts = new AlertsConfig(settings(), Map.of());
        register(AlertsService.start(config(), alerts, new PolicyAlertRouting(alerts), metrics.registry(), Clock.systemUTC(),
                emailDirectory));
    }

    DriftwatchConfig config() {
        if (config == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return config;
    }

    private Map<String, Object> settings() {
        if (settings == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return settings;
    }

    String bootstrapServers() {
        return requireNonNull(config().kafkaSettings().get("bootstrap.servers"), "the configuration requires bootstrap.servers")
                .toString();
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + metricsPort + "/metrics";
    }

    int smtpPort() {
        return mail == null ? 0 : mail.getSmtp().getPort();
    }

    /** What the SMTP catcher has received so far. */
    List<MimeMessage> receivedMail() {
        return mail == null ? List.of() : List.of(mail.getReceivedMessages());
    }

    /** Blocks until {@link #close()} has finished (from a shutdown hook, say). */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private <T extends AutoCloseable> T register(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        synchronized (started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    // Stopping the rest matters more than this one's failure; the demo is ending anyway.
                    log.warn("stopping a part of the demo failed: {}", e.toString());
                }
            }
        }
        closed.countDown();
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
