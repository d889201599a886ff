package io.driftwatch.topology.quality;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the quality rules remember of a model version between windows: the metrics of its last final window
 * (the window-over-window reference) and the window end of its last quality trigger (the cool-down).
 *
 * @param lastTriggerMillis {@link Long#MIN_VALUE} for none
 */
record QualityHistory(Map<String, Double> previousMetrics, long lastTriggerMillis) {
    static final QualityHistory NONE = new QualityHistory(Map.of(), Long.MIN_VALUE);

    QualityHistory {
        previousMetrics = Map.copyOf(previousMetrics);
    }

    /** Bytes: u8 format version (1), i64 last trigger, i32 metrics, each: name (modified UTF-8), f64. */
    static final BytesCodec<QualityHistory> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(QualityHistory history) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeLong(history.lastTriggerMillis);
                out.writeInt(history.previousMetrics.size());
                for (Map.Entry<String, Double> metric : new TreeMap<>(history.previousMetrics).entrySet()) {
                    out.writeUTF(metric.getKey());
                    out.writeDouble(metric.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public QualityHistory fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (in.readUnsignedByte() != 1) {
                    throw new IllegalStateException("quality history format " + bytes[0] + " is not supported by this build");
                }
                long lastTrigger = in.readLong();
                Map<String, Double> metrics = new TreeMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    metrics.put(in.readUTF(), in.readDouble());
                }
                return new QualityHistory(metrics, lastTrigger);
            } catch (IOException e) {
                throw new IllegalStateException("corrupt quality history (" + bytes.length + " bytes)", e);
            }
        }
    };
}
