package io.driftwatch.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
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
 * <p>Start with {@link #start()}, stop with {@link #close()}, which also deletes the log directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final int brokerPort;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, int brokerPort, KafkaRaftServer server) {
        this.logDirectory = logDirectory;
        this.brokerPort = brokerPort;
        this.server = server;
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
        try {
            Path logDirectory = Files.createTempDirectory("driftwatch-kafka");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties properties = BrokerProperties.singleNode(logDirectory, brokerPort, controllerPort);
            properties.putAll(overrides);
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            format(logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDirectory, brokerPort, server);
            broker.awaitReady();
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

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
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
        return "127.0.0.1:" + brokerPort;
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(logDirectory);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; the broker is already stopped.
        }
    }
}
