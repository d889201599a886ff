package io.driftwatch.topology.quality;

import io.driftwatch.topology.state.BytesCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * One window of prediction time of one model version, the unit of quality reports; version empty for the
 * window's unmatched labels. Keys sort by model, then start, then version, so a model's windows come in
 * time order and the unmatched labels (empty version) of a window before its versions.
 */
record QualityWindowKey(String model, String version, long startMillis) {
    static final Comparator<QualityWindowKey> ORDER = Comparator.comparing(QualityWindowKey::model)
            .thenComparingLong(QualityWindowKey::startMillis).thenComparing(QualityWindowKey::version);

    QualityWindowKey {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
    }

    /** Bytes: u8 version (1), i64 start, model and version as length-prefixed UTF-8. */
    static final BytesCodec<QualityWindowKey> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(QualityWindowKey key) {
            byte[] model = key.model.getBytes(StandardCharsets.UTF_8);
            byte[] version = key.version.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 8 + 4 + model.length + 4 + version.length).put((byte) 1).putLong(key.startMillis)
                    .putInt(model.length).put(model).putInt(version.length).put(version).array();
        }

        @Override
        public QualityWindowKey fromBytes(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (buffer.get() != 1) {
                throw new IllegalStateException("quality window key format " + bytes[0] + " is not supported by this build");
            }
            long start = buffer.getLong();
            byte[] model = new byte[buffer.getInt()];
            buffer.get(model);
            byte[] version = new byte[buffer.getInt()];
            buffer.get(version);
            return new QualityWindowKey(new String(model, StandardCharsets.UTF_8), new String(version, StandardCharsets.UTF_8), start);
        }
    };
}
