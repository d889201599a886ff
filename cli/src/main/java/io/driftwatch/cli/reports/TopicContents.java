package io.driftwatch.cli.reports;

import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;

import java.util.List;

/**
 * What a record a {@code reports} command cannot read holds, said in one line that names the command that reads it:
 * a command pointed at another of driftwatch's topics fails on the single-object fingerprint, and a stack trace about
 * a fingerprint tells a person nothing. A record no driftwatch serde reads is called unknown.
 */
final class TopicContents {
    private record Known(Topic<String, ?> topic, String holds, String readWith) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Topics.DRIFT_REPORTS, "drift reports", "read it with driftwatch reports drift"),
            new Known(Topics.QUALITY_REPORTS, "quality reports", "read it with driftwatch reports quality"),
            new Known(Topics.PROFILES, "window profiles", "read it with driftwatch reports profiles"),
            new Known(Topics.DEAD_LETTER, "dead letters", "read it with driftwatch reports dead-letters"),
            new Known(Topics.TRIGGERS, "retraining triggers", "read it with driftwatch triggers"),
            new Known(Topics.ALERTS, "alert events", "driftwatch alerts mails them"),
            new Known(Topics.BASELINES, "baselines", "driftwatch baseline writes them and run reads them"));

    private TopicContents() {
    }

    /**
     * The line for a record of {@code topic} that the command reading {@code expected} could not decode.
     *
     * @param expected what the command reads, as "drift reports"
     */
    static String wrongTopic(String topic, byte[] value, String expected) {
        for (Known known : KNOWN) {
            if (decodes(known.topic(), topic, value)) {
                return "topic " + topic + " holds " + known.holds() + ", not " + expected + ": " + known.readWith();
            }
        }
        return "topic " + topic + " holds records that are not " + expected + " nor any other record driftwatch writes"
                + " (" + value.length + " bytes); is the topic right (--topic, or the topic settings of --config)?";
    }

    private static boolean decodes(Topic<String, ?> known, String topic, byte[] value) {
        try {
            return known.valueSerde().deserializer().deserialize(topic, value) != null;
        } catch (SerializationException e) {
            return false;
        }
    }
}
