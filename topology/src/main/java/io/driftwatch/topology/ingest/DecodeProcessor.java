package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.DeadLetter;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Decodes the raw bytes of one input record inside the topology, so that a record that cannot be read is
 * routed to the dead-letter topic with its reason (and its offset committed with the rest) instead of
 * stopping the stream. A registry outage makes the record wait ({@link RegistryWait}); it is not the
 * record's fault. Dead letters are counted in the metrics and summarised in the log ({@link DeadLetterLog});
 * a wall-clock punctuation writes the summary of a burst's tail.
 *
 * @param <T> the decoded record type
 */
final class DecodeProcessor<T> implements Processor<byte[], byte[], String, IngestResult<T>> {
    private final RecordDecoder<T> decoder;
    private final Function<T, String> keyOf;
    private final Consumer<T> countRead;
    private final RegistryWait registryWait;
    private final IngestMetrics metrics;
    private final DeadLetterLog deadLetterLog;
    private final Clock clock;
    private ProcessorContext<String, IngestResult<T>> context;

    /**
     * @param countRead counts a decoded record in its meter: an inference per model version, a label per model
     */
    DecodeProcessor(RecordDecoder<T> decoder, Function<T, String> keyOf, Consumer<T> countRead, RegistryWait registryWait,
                    IngestMetrics metrics, DeadLetterLog deadLetterLog, Clock clock) {
        this.decoder = requireNonNull(decoder, "decoder");
        this.keyOf = requireNonNull(keyOf, "keyOf");
        this.countRead = requireNonNull(countRead, "countRead");
        this.registryWait = requireNonNull(registryWait, "registryWait");
        this.metrics = requireNonNull(metrics, "metrics");
        this.deadLetterLog = requireNonNull(deadLetterLog, "deadLetterLog");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void init(ProcessorContext<String, IngestResult<T>> context) {
        this.context = context;
        context.schedule(deadLetterLog.interval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> deadLetterLog.writeIfDue());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow(
                () -> new IllegalStateException("decode runs on source records, which always have metadata"));
        Instant recordTime = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        DecodeResult<T> result = registryWait.call(() -> decoder.decode(source.topic(), record.value(), recordTime));
        if (result instanceof DecodeResult.Decoded<T> decoded) {
            T value = decoded.value();
            countRead.accept(value);
            context.forward(record.withKey(keyOf.apply(value)).withValue(IngestResult.ok(value)));
        } else {
            DecodeResult.Failed<T> failed = (DecodeResult.Failed<T>) result;
            DeadLetter deadLetter = DeadLetters.of(source, record.timestamp(), record.key(), record.value(),
                    failed.code(), failed.reason(), clock);
            metrics.recordDeadLettered(source.topic(), failed.code());
            deadLetterLog.deadLettered(deadLetter);
            context.forward(record.withKey(DeadLetters.keyOf(deadLetter)).withValue(IngestResult.dead(deadLetter)));
        }
    }
}
