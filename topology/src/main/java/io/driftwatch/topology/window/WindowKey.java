package io.driftwatch.topology.window;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One window of one model version: the unit driftwatch profiles, reports and triggers on. It carries its end as well
 * as its start, since each model cuts its own windows and a change of shape can make one window shorter.
 */
public record WindowKey(String model, String version, long startMillis, long endMillis) {
    public WindowKey {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("a window ends after it starts: " + startMillis + " to " + endMillis);
        }
    }

    /** The key of the model version alone, as the merge stage's records are keyed. */
    public String modelKey() {
        return ModelKeys.of(model, version);
    }

    /**
     * Bytes: version byte 2, model and version in modified UTF-8, start and end as int64. Keys of format 1 (start
     * only, from before windows were cut per model) were cut with the settings' size, {@code legacySize}.
     */
    static BytesCodec<WindowKey> codec(Duration legacySize) {
        long legacySizeMillis = legacySize.toMillis();
        return new BytesCodec<>() {
            @Override
            public byte[] toBytes(WindowKey key) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeByte(2);
                    out.writeUTF(key.model());
                    out.writeUTF(key.version());
                    out.writeLong(key.startMillis());
                    out.writeLong(key.endMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException("writing to memory cannot fail", e);
                }
                return bytes.toByteArray();
            }

            @Override
            public WindowKey fromBytes(byte[] bytes) {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                    int version = in.readUnsignedByte();
                    if (version != 1 && version != 2) {
                        throw new IllegalStateException("window key format " + version + " is not supported by this build");
                    }
                    String model = in.readUTF();
                    String modelVersion = in.readUTF();
                    long start = in.readLong();
                    return new WindowKey(model, modelVersion, start, version == 1 ? start + legacySizeMillis : in.readLong());
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException("corrupt window key in a state store (" + bytes.length + " bytes)", e);
                }
            }
        };
    }
}
