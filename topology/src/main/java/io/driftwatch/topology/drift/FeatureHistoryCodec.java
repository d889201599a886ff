package io.driftwatch.topology.drift;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes of a {@link FeatureHistory}: version byte 1, int32 windows, then per window int64 start, int32 features and per
 * feature its name in modified UTF-8, float64 statistic (NaN for none) and a drifted byte.
 */
final class FeatureHistoryCodec implements BytesCodec<FeatureHistory> {
    private static final int VERSION = 1;

    @Override
    public byte[] toBytes(FeatureHistory history) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(history.windows().size());
            for (FeatureHistory.Window window : history.windows()) {
                out.writeLong(window.startMillis());
                out.writeInt(window.features().size());
                for (Map.Entry<String, FeatureHistory.FeatureDrift> feature : window.features().entrySet()) {
                    out.writeUTF(feature.getKey());
                    out.writeDouble(feature.getValue().statistic());
                    out.writeBoolean(feature.getValue().drifted());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public FeatureHistory fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("feature history format " + version + " is not supported by this build");
            }
            int windows = in.readInt();
            List<FeatureHistory.Window> read = new ArrayList<>();
            for (int i = 0; i < windows; i++) {
                long start = in.readLong();
                int features = in.readInt();
                Map<String, FeatureHistory.FeatureDrift> drifts = new HashMap<>();
                for (int j = 0; j < features; j++) {
                    drifts.put(in.readUTF(), new FeatureHistory.FeatureDrift(in.readDouble(), in.readBoolean()));
                }
                read.add(new FeatureHistory.Window(start, drifts));
            }
            return new FeatureHistory(read);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt feature history in a state store (" + bytes.length + " bytes)", e);
        }
    }
}
