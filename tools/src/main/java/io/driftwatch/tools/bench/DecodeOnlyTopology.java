package io.driftwatch.tools.bench;

import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor any Kafka Streams monitor stands on: a topology that reads the inferences topic and decodes every value
 * with driftwatch's own decoder, then does nothing else. Run with driftwatch's exactly-once settings, its cost is what
 * Streams, the decoder and the transactions take; what driftwatch spends above it is its own work.
 */
final class DecodeOnlyTopology {
    private DecodeOnlyTopology() {
    }

    /** @param decoded counts the records decoded, so the run can check it read them all */
    static Topology of(String topic, RecordDecoder<InferenceLog> decoder, AtomicLong decoded) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new Processor<byte[], byte[], Void, Void>() {
                    @Override
                    public void process(Record<byte[], byte[]> record) {
                        if (decoder.decode(topic, record.value(), Instant.ofEpochMilli(record.timestamp())) instanceof DecodeResult.Decoded<InferenceLog>) {
                            decoded.incrementAndGet();
                        }
                    }
                });
        return builder.build();
    }
}
