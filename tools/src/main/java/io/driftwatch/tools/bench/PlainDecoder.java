package io.driftwatch.tools.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.topology.config.InputFormat;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The cheapest decode of an inference payload in one input format, which the benchmarks measure driftwatch
 * against: Avro's {@code SpecificDatumReader} with a reused {@code BinaryDecoder} and no checks after the
 * format's header, or Jackson's {@code readTree} for JSON, with the fast double parser that driftwatch's
 * JSON decoder uses too (the JDK's parser would make the baseline, not driftwatch, the slow side). Each decode returns a checksum of what it read
 * (feature count plus request id length), so both sides of a benchmark can be shown to read the same
 * records. Not thread-safe: the Avro decoder is reused.
 */
final class PlainDecoder {
    private final InputFormat format;
    private final SpecificDatumReader<InferenceLog> avroReader = new SpecificDatumReader<>(InferenceLog.class);
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build()).build();
    private @Nullable BinaryDecoder reusedAvroDecoder;

    PlainDecoder(InputFormat format) {
        this.format = format;
    }

    /** What the baseline does, for the report. */
    String description() {
        return format == InputFormat.JSON ? "Jackson ObjectMapper.readTree, fast double parser" : "Avro SpecificDatumReader, reused BinaryDecoder";
    }

    long decode(byte[] payload) {
        try {
            return switch (format) {
                case AVRO_REGISTRY -> avro(payload, 5);
                case AVRO_SINGLE -> avro(payload, 10);
                case JSON -> {
                    JsonNode node = json.readTree(payload);
                    yield node.get("features").size() + node.get("requestId").asText().length();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("the plain " + format.label() + " decoder failed on a benchmark record", e);
        }
    }

    private long avro(byte[] payload, int headerBytes) throws IOException {
        reusedAvroDecoder = DecoderFactory.get().binaryDecoder(payload, headerBytes, payload.length - headerBytes, reusedAvroDecoder);
        return checksum(avroReader.read(null, reusedAvroDecoder));
    }

    static long checksum(InferenceLog log) {
        return (long) log.getFeatures().size() + log.getRequestId().length();
    }
}
