package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfilesCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the aggregation stage sends the merge stage over the repartition topic: the partial windows it
 * closed, and how far its event time has got.
 */
public sealed interface MergeInput permits PartialWindow, PartitionWatermark {
    int PARTIAL = 1;
    int WATERMARK = 2;

    /**
     * Serde of the repartition topic. The first byte says what follows. Partial window (1): model and
     * version in modified UTF-8, window start int64, source partition int32, then {@link FeatureProfilesCodec}
     * bytes. Watermark (2): source partition int32, closed-through window start int64.
     */
    Serde<MergeInput> SERDE = new Serde<>() {
        @Override
        public Serializer<MergeInput> serializer() {
            return (topic, input) -> input == null ? null : write(input);
        }

        @Override
        public Deserializer<MergeInput> deserializer() {
            return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
        }
    };

    private static byte[] write(MergeInput input) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(input instanceof PartialWindow ? 4096 : 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (input instanceof PartialWindow partial) {
                out.writeByte(PARTIAL);
                out.writeUTF(partial.window().model());
                out.writeUTF(partial.window().version());
                out.writeLong(partial.window().startMillis());
                out.writeInt(partial.sourcePartition());
                out.write(FeatureProfilesCodec.toBytes(partial.profiles()));
            } else if (input instanceof PartitionWatermark watermark) {
                out.writeByte(WATERMARK);
                out.writeInt(watermark.sourcePartition());
                out.writeLong(watermark.closedThroughStartMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static MergeInput read(String topic, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int kind = in.readUnsignedByte();
            if (kind == PARTIAL) {
                WindowKey window = new WindowKey(in.readUTF(), in.readUTF(), in.readLong());
                int partition = in.readInt();
                return new PartialWindow(window, partition, FeatureProfilesCodec.fromBytes(in.readAllBytes()));
            }
            if (kind == WATERMARK) {
                return new PartitionWatermark(in.readInt(), in.readLong());
            }
            throw new SerializationException("merge-stage record kind " + kind + " on " + topic + " is not supported by this build");
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("corrupt merge-stage record on " + topic + " (" + bytes.length + " bytes)", e);
        }
    }
}
