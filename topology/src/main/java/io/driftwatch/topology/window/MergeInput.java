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

import static java.util.Objects.requireNonNull;

/**
 * What the aggregation stage sends the merge stage over the repartition topic: the partial windows it
 * closed, and how far its event time has got.
 */
public sealed interface MergeInput permits PartialWindow, PartitionWatermark {
    /** A partial window of format 1: start only, cut with the settings' shape. Read, never written. */
    int LEGACY_PARTIAL = 1;
    /** A watermark of format 1: the start of the latest window of the settings' shape closed. Read, never written. */
    int LEGACY_WATERMARK = 2;
    int PARTIAL = 3;
    int WATERMARK = 4;

    /**
     * Serde of the repartition topic. The first byte says what follows. Partial window (3): model and version in
     * modified UTF-8, window start, end and close-at int64, source partition int32, then {@link FeatureProfilesCodec}
     * bytes. Watermark (4): source partition int32, event time int64. Records of kinds 1 and 2, which a build from
     * before per-model windows may have left on the topic, are read as windows of {@code legacy}, the settings'
     * shape they were cut with.
     */
    static Serde<MergeInput> serde(WindowShape legacy) {
        requireNonNull(legacy, "legacy");
        return new Serde<>() {
            @Override
            public Serializer<MergeInput> serializer() {
                return (topic, input) -> input == null ? null : write(input);
            }

            @Override
            public Deserializer<MergeInput> deserializer() {
                return (topic, bytes) -> bytes == null ? null : read(topic, bytes, legacy);
            }
        };
    }

    private static byte[] write(MergeInput input) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(input instanceof PartialWindow ? 4096 : 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (input instanceof PartialWindow partial) {
                out.writeByte(PARTIAL);
                out.writeUTF(partial.window().model());
                out.writeUTF(partial.window().version());
                out.writeLong(partial.window().startMillis());
                out.writeLong(partial.window().endMillis());
                out.writeLong(partial.closeAtMillis());
                out.writeInt(partial.sourcePartition());
                out.write(FeatureProfilesCodec.toBytes(partial.profiles()));
            } else if (input instanceof PartitionWatermark watermark) {
                out.writeByte(WATERMARK);
                out.writeInt(watermark.sourcePartition());
                out.writeLong(watermark.eventTimeMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static MergeInput read(String topic, byte[] bytes, WindowShape legacy) {
        long sizeMillis = legacy.size().toMillis();
        long graceMillis = legacy.grace().toMillis();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int kind = in.readUnsignedByte();
            switch (kind) {
                case PARTIAL -> {
                    WindowKey window = new WindowKey(in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
                    long closeAt = in.readLong();
                    int partition = in.readInt();
                    return new PartialWindow(window, partition, closeAt, FeatureProfilesCodec.fromBytes(in.readAllBytes()));
                }
                case WATERMARK -> {
                    return new PartitionWatermark(in.readInt(), in.readLong());
                }
                case LEGACY_PARTIAL -> {
                    String model = in.readUTF();
                    String version = in.readUTF();
                    long start = in.readLong();
                    WindowKey window = new WindowKey(model, version, start, start + sizeMillis);
                    int partition = in.readInt();
                    return new PartialWindow(window, partition, window.endMillis() + graceMillis,
                            FeatureProfilesCodec.fromBytes(in.readAllBytes()));
                }
                case LEGACY_WATERMARK -> {
                    int partition = in.readInt();
                    long closedThroughStart = in.readLong();
                    return new PartitionWatermark(partition, closedThroughStart + sizeMillis + graceMillis);
                }
                default -> throw new SerializationException("merge-stage record kind " + kind + " on " + topic
                        + " is not supported by this build");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("corrupt merge-stage record on " + topic + " (" + bytes.length + " bytes)", e);
        }
    }
}
