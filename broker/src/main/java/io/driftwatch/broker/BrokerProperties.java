package io.driftwatch.broker;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The settings of a single-node KRaft broker that behaves like a production cluster for one client:
 * replication factors of internal topics are 1, rebalances start at once, and the log cleaner's buffer is
 * small because an embedded broker shares its JVM's heap (128 MB by default; 2 MB is plenty here).
 */
final class BrokerProperties {
    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Both listeners bind the loopback address only: an embedded broker serves this machine. */
    static final String HOST = "127.0.0.1";

    private BrokerProperties() {
    }

    static Properties singleNode(Path logDirectory, int brokerPort, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("num.partitions", "1");
        properties.put("auto.create.topics.enable", "false");
        properties.put("log.cleaner.dedupe.buffer.size", "2097152");
        return properties;
    }
}
