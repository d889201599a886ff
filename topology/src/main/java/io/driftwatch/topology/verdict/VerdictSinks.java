package io.driftwatch.topology.verdict;

import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;
import io.driftwatch.topics.TopicsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Routes verdicts to their topics: each report to its report topic, each trigger (keyed by its id, so CI reads
 * one record per trigger) to the triggers topic and each alert event to the alerts topic, all in the
 * transaction of the record that closed the window. Node names start with a prefix, so the drift and the quality
 * edges stay apart in one topology.
 */
public final class VerdictSinks {
    private VerdictSinks() {
    }

    /**
     * @param prefix      start of every node name, e.g. {@code "drift-"}
     * @param reportTopic where the reports go
     */
    public static <R> void route(KStream<String, WindowVerdict<R>> verdicts, String prefix, Topic<String, R> reportTopic,
                                 TopicsConfig config) {
        verdicts.mapValues(WindowVerdict::report, Named.as(prefix + "reports"))
                .to(reportTopic.name(config), produced(reportTopic, prefix + "reports-sink"));
        verdicts.flatMapValues(WindowVerdict::triggers, Named.as(prefix + "triggers"))
                .selectKey((key, trigger) -> trigger.getTriggerId(), Named.as(prefix + "triggers-by-id"))
                .to(Topics.TRIGGERS.name(config), produced(Topics.TRIGGERS, prefix + "triggers-sink"));
        verdicts.flatMapValues(WindowVerdict::alerts, Named.as(prefix + "alerts"))
                .to(Topics.ALERTS.name(config), produced(Topics.ALERTS, prefix + "alerts-sink"));
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
