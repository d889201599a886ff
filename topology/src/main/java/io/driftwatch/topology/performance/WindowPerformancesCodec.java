package io.driftwatch.topology.performance;

import io.driftwatch.topology.state.BytesCodec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes of {@link WindowPerformances}: version byte 1, the reference metrics, int32 windows, then per window int64
 * start, its realized and its estimated metrics; a metrics map is int32 entries, each name in modified UTF-8 and a
 * float64 value.
 */
final class WindowPerformancesCodec implements BytesCodec<WindowPerformances> {
    static final WindowPerformancesCodec INSTANCE = new WindowPerformancesCodec();
    static final Serde<WindowPerformances> SERDE = Serdes.serdeFrom((topic, value) -> INSTANCE.toBytes(value),
            (topic, bytes) -> INSTANCE.fromBytes(bytes));
    private static final int VERSION = 1;

    @Override
    public byte[] toBytes(WindowPerformances value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeMetrics(out, value.reference());
            out.writeInt(value.windows().size());
            for (Map.Entry<Long, WindowPerformances.Window> window : value.windows().entrySet()) {
                out.writeLong(window.getKey());
                writeMetrics(out, window.getValue().realized());
                writeMetrics(out, window.getValue().estimated());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public WindowPerformances fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("window performance format " + version + " is not supported by this build");
            }
            Map<String, Double> reference = readMetrics(in);
            int count = in.readInt();
            TreeMap<Long, WindowPerformances.Window> windows = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                windows.put(in.readLong(), new WindowPerformances.Window(readMetrics(in), readMetrics(in)));
            }
            return new WindowPerformances(windows, reference);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt window performance in a state store (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeMetrics(DataOutputStream out, Map<String, Double> metrics) throws IOException {
        out.writeInt(metrics.size());
        for (Map.Entry<String, Double> metric : new TreeMap<>(metrics).entrySet()) {
            out.writeUTF(metric.getKey());
            out.writeDouble(metric.getValue());
        }
    }

    private static Map<String, Double> readMetrics(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, Double> metrics = new HashMap<>();
        for (int i = 0; i < count; i++) {
            metrics.put(in.readUTF(), in.readDouble());
        }
        return metrics;
    }
}
