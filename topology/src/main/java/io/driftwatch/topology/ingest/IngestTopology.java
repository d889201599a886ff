package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The entry of every driftwatch topology: reads an input topic as bytes, decodes each record in a
 * processor, sends what cannot be read to the dead-letter topic (inside the same transaction as
 * everything else, and summarised in the log at most once every 10 s), and hands the decoded records on
 * keyed by request id. Node names are constants so that the topology's shape, and its changelogs, survive
 * edits.
 */
public final class IngestTopology {
    public static final String INFERENCES_SOURCE = "inferences-source";
    public static final String INFERENCES_DECODE = "inferences-decode";
    public static final String LABELS_SOURCE = "labels-source";
    public static final String LABELS_DECODE = "labels-decode";

    private final String deadLetterTopic;
    private final Serde<DeadLetter> deadLetterSerde;
    private final RegistryWait registryWait;
    private final IngestMetrics metrics;
    private final DeadLetterLog deadLetterLog;
    private final Clock clock;

    public IngestTopology(String deadLetterTopic, Serde<DeadLetter> deadLetterSerde, RegistryWait registryWait,
                          IngestMetrics metrics, Clock clock) {
        this(deadLetterTopic, deadLetterSerde, registryWait, metrics, DeadLetterLog.toLogger(deadLetterTopic, clock), clock);
    }

    /** @param deadLetterLog where dead letters are summarised, shared by the inferences and the labels */
    IngestTopology(String deadLetterTopic, Serde<DeadLetter> deadLetterSerde, RegistryWait registryWait,
                   IngestMetrics metrics, DeadLetterLog deadLetterLog, Clock clock) {
        this.deadLetterTopic = requireNonNull(deadLetterTopic, "deadLetterTopic");
        this.deadLetterSerde = requireNonNull(deadLetterSerde, "deadLetterSerde");
        this.registryWait = requireNonNull(registryWait, "registryWait");
        this.metrics = requireNonNull(metrics, "metrics");
        this.deadLetterLog = requireNonNull(deadLetterLog, "deadLetterLog");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Decoded inference logs of {@code topic}, keyed by request id. */
    public KStream<String, InferenceLog> inferences(StreamsBuilder builder, String topic, RecordDecoder<InferenceLog> decoder) {
        return decoded(builder, topic, decoder, INFERENCES_SOURCE, INFERENCES_DECODE, InferenceLog::getRequestId,
                log -> metrics.inferenceRead(log.getModelName(), log.getModelVersion()));
    }

    /** Decoded labels of {@code topic}, keyed by request id. */
    public KStream<String, FeedbackLabel> labels(StreamsBuilder builder, String topic, RecordDecoder<FeedbackLabel> decoder) {
        return decoded(builder, topic, decoder, LABELS_SOURCE, LABELS_DECODE, FeedbackLabel::getRequestId,
                label -> metrics.labelRead(label.getModelName()));
    }

    private <T> KStream<String, T> decoded(StreamsBuilder builder, String topic, RecordDecoder<T> decoder,
                                           String sourceName, String decodeName, Function<T, String> keyOf,
                                           Consumer<T> countRead) {
        KStream<String, IngestResult<T>> results = builder
                .stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(sourceName))
                .process(() -> new DecodeProcessor<>(decoder, keyOf, countRead, registryWait, metrics, deadLetterLog, clock), Named.as(decodeName));
        results.filter((key, result) -> result.isDeadLetter(), Named.as(decodeName + "-failed"))
                .mapValues(IngestResult::deadLetter, Named.as(decodeName + "-dead-letter"))
                .to(deadLetterTopic, Produced.with(Serdes.String(), deadLetterSerde).withName(decodeName + "-dead-letter-sink"));
        return results.filter((key, result) -> !result.isDeadLetter(), Named.as(decodeName + "-ok"))
                .mapValues(IngestResult::value, Named.as(decodeName + "-value"));
    }
}
