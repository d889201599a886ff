package io.driftwatch.topics;

import io.driftwatch.schemas.history.EarlierSchemas;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * Serde for the records driftwatch writes, in Avro single-object encoding ({@code C3 01}, the schema's
 * 64-bit fingerprint, Avro binary): self-describing without a registry, readable by any Avro library with
 * driftwatch's {@code .avsc} files. Records written with an earlier version of the schema
 * ({@link EarlierSchemas}) are read into the current class. Null is a tombstone both ways. Thread-safe.
 *
 * @param <T> a generated Avro record class
 */
public final class SingleObjectAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final String recordName;

    public SingleObjectAvroSerde(Schema schema) {
        requireNonNull(schema, "schema");
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
        EarlierSchemas.of(schema).forEach(decoder::addSchema);
        this.recordName = schema.getFullName();
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> {
            if (record == null) {
                return null;
            }
            try {
                ByteBuffer buffer = encoder.encode(record);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new SerializationException("cannot encode a " + recordName + " for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decoder.decode(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot decode a " + recordName + " from topic " + topic
                        + " (" + bytes.length + " bytes): " + e.getMessage(), e);
            }
        };
    }
}
