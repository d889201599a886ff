package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfiles;
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
 * What one input partition saw of one window of one model version: sent from the aggregation stage to the
 * merge stage when the partition's stream time closes the window.
 *
 * @param sourcePartition the input partition, so the merge stage knows which partitions have reported
 */
public record PartialWindow(WindowKey window, int sourcePartition, FeatureProfiles profiles) {
    private static final int FORMAT_VERSION = 1;

    public PartialWindow {
        requireNonNull(window, "window");
        requireNonNull(profiles, "profiles");
    }

    /**
     * Serde of the repartition topic between the two stages. Layout: version byte 1, model and version in
     * modified UTF-8, window start int64, source partition int32, then {@link FeatureProfilesCodec} bytes.
     */
    public static final Serde<PartialWindow> SERDE = new Serde<>() {
        @Override
        public Serializer<PartialWindow> serializer() {
            return (topic, partial) -> partial == null ? null : write(partial);
        }

        @Override
        public Deserializer<PartialWindow> deserializer() {
            return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
        }
    };

    private static byte[] write(PartialWindow partial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeUTF(partial.window().model());
            out.writeUTF(partial.window().version());
            out.writeLong(partial.window().startMillis());
            out.writeInt(partial.sourcePartition());
            out.write(FeatureProfilesCodec.toBytes(partial.profiles()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static PartialWindow read(String topic, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new SerializationException("partial window format " + version + " on " + topic + " is not supported by this build");
            }
            WindowKey window = new WindowKey(in.readUTF(), in.readUTF(), in.readLong());
            int partition = in.readInt();
            return new PartialWindow(window, partition, FeatureProfilesCodec.fromBytes(in.readAllBytes()));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("corrupt partial window on " + topic + " (" + bytes.length + " bytes)", e);
        }
    }
}
