package io.driftwatch.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Kafka broker (KRaft, combined broker and controller, one node) running inside this JVM, for the
 * demo, the benchmarks and the integration tests, so none of them needs Docker or an installed Kafka.
 * It uses the same server class as {@code kafka.Kafka}, formatted at the latest production metadata
 * version, so transactions and exactly-once behave as on a real cluster. Topic auto-creation is off:
 * driftwatch creates its topics explicitly and waits until they are ready.
 *
 * <p>Start with {@link #start()}, stop with {@link #close()}, which also deletes the log directory. To simulate
 * a broker outage, {@link #stop()} shuts it down keeping its data, and {@link #restart()} brings it back on the
 * same ports with the same log directory, as an operator restarting a broker does.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final KafkaConfig config;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, Object> clientSettings;
    private @Nullable KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, KafkaConfig config, int brokerPort, int controllerPort,
                                Map<String, Object> clientSettings) {
        this.logDirectory = logDirectory;
        this.config = config;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /** Starts a broker on free local ports with default settings and waits until it answers. */
    public static EmbeddedKafkaBroker start() {
        return start(Map.of());
    }

    /**
     * Starts a broker, with {@code overrides} applied on top of the single-node defaults (for example
     * listener settings for a SASL test), and waits until it answers.
     *
     * @throws IllegalStateException if the broker does not become ready within a minute
     */
    public static EmbeddedKafkaBroker start(Map<String, String> overrides) {
        return start(overrides, Map.of());
    }

    /**
     * Starts a broker whose client listener needs credentials: {@code overrides} secure the listener named
     * {@code PLAINTEXT} (for example {@code listener.security.protocol.map=PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT}
     * with its {@code listener.name.plaintext.*} JAAS settings; the controller listener stays plaintext), and
     * {@code clientSettings} ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}) are
     * what the readiness check connects with.
     *
     * @throws IllegalStateException if the broker does not become ready within a minute
     */
    public static EmbeddedKafkaBroker start(Map<String, String> overrides, Map<String, Object> clientSettings) {
        try {
            Path logDirectory = Files.createTempDirectory("driftwatch-kafka");
            int brokerPort = LocalPorts.free();
            int controllerPort = LocalPorts.free();
            Properties properties = BrokerProperties.singleNode(logDirectory, brokerPort, controllerPort);
            properties.putAll(overrides);
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            format(logDirectory);
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDirectory, config, brokerPort, controllerPort, clientSettings);
            broker.serve();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded broker's log directory", e);
        }
    }

    private static void format(Path logDirectory) {
        try {
            Formatter formatter = new Formatter()
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(Set.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()));
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded broker's storage in " + logDirectory, e);
        }
    }

    /**
     * Shuts the broker down as a controlled shutdown does, keeping its log directory and ports, so
     * {@link #restart()} brings back the same topics, offsets, consumer groups and transactions. Clients
     * see connection failures until then. Does nothing if the broker is already stopped.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /**
     * Starts a broker stopped by {@link #stop()} again: a new server on the same configuration, ports and
     * log directory, which is not formatted again (its cluster id and metadata log are kept). Waits until
     * both ports can be bound again and the broker answers.
     *
     * @throws IllegalStateException if the broker is running, a port stays taken (by another process) for a
     *                               minute, or the broker does not become ready within a minute
     */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("the embedded broker on " + bootstrapServers() + " is running; stop() it first");
        }
        awaitBindable(brokerPort);
        awaitBindable(controllerPort);
        serve();
    }

    /** Whether the broker is serving, that is started and not {@link #stop() stopped}. */
    public synchronized boolean running() {
        return server != null;
    }

    private void serve() {
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        server = started;
        started.startup();
        awaitReady();
    }

    @SuppressWarnings("AddressSelection") // HOST is the IP literal 127.0.0.1: there is no name to resolve to one of several addresses
    private static void awaitBindable(int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(BrokerProperties.HOST, port));
                return;
            } catch (IOException taken) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " of the stopped embedded broker is still taken after "
                            + READY_TIMEOUT.toSeconds() + " s; another process must have bound it, so the broker cannot come back on it", taken);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for port " + port + " to be free", e);
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            while (true) {
                Exception lastFailure = null;
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("the embedded Kafka broker did not become ready within "
                            + READY_TIMEOUT.toSeconds() + " s", lastFailure);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    /** The address clients connect to, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + brokerPort;
    }

    /** Stops the broker (if it is running) and deletes its data. */
    @Override
    public void close() {
        stop();
        deleteRecursively(logDirectory);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; the broker is already stopped.
        }
    }
}
