package io.driftwatch.broker;

import org.jspecify.annotations.Nullable;

/**
 * One embedded broker for every test class of a JVM that can share it, started on first use and closed (its data
 * deleted) when the JVM exits. The build runs a module's integration tests in one JVM, so they pay for one broker
 * start instead of one per class.
 *
 * <p>Classes that share it keep to topics, consumer groups, application ids and transactional ids of their own,
 * so that none reads what another wrote. It has no {@code close()} or {@code stop()}: a test that stops the broker,
 * or needs other broker settings (SASL or TLS listeners), starts its own with {@link EmbeddedKafkaBroker#start}.
 * Thread-safe.
 */
public final class SharedKafkaBroker {
    private static @Nullable SharedKafkaBroker instance;

    private final EmbeddedKafkaBroker broker;

    private SharedKafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * The JVM's shared broker, started by the first call.
     *
     * @throws IllegalStateException if the broker does not become ready within a minute
     */
    public static synchronized SharedKafkaBroker get() {
        if (instance == null) {
            EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "driftwatch-shared-broker-close"));
            instance = new SharedKafkaBroker(started);
        }
        return instance;
    }

    /** The address clients connect to, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
