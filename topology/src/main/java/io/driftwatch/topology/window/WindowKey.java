package io.driftwatch.topology.window;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/** One window of one model version: the unit driftwatch profiles, reports and triggers on. */
public record WindowKey(String model, String version, long startMillis) {
    public WindowKey {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
    }

    /** The key of the model version alone, as the merge stage's records are keyed. */
    public String modelKey() {
        return ModelKeys.of(model, version);
    }

    /** Bytes: version byte 1, model and version in modified UTF-8, start as int64. */
    static final BytesCodec<WindowKey> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(WindowKey key) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeUTF(key.model());
                out.writeUTF(key.version());
                out.writeLong(key.startMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public WindowKey fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int version = in.readUnsignedByte();
                if (version != 1) {
                    throw new IllegalStateException("window key format " + version + " is not supported by this build");
                }
                return new WindowKey(in.readUTF(), in.readUTF(), in.readLong());
            } catch (IOException e) {
                throw new IllegalStateException("corrupt window key in a state store (" + bytes.length + " bytes)", e);
            }
        }
    };
}
