package io.driftwatch.topology.quality;

import io.driftwatch.topology.state.BytesCodec;
import io.driftwatch.topology.window.WindowShape;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * One window of prediction time of one model version, the unit of quality reports; version empty for the
 * window's unmatched labels. The window is cut by its model's own shape, so it carries its end and the grace of
 * that shape. Keys sort by model, then start, then version, so a model's windows come in time order and the
 * unmatched labels (empty version) of a window before its versions; end and grace only break ties.
 */
record QualityWindowKey(String model, String version, long startMillis, long endMillis, long graceMillis) {
    static final Comparator<QualityWindowKey> ORDER = Comparator.comparing(QualityWindowKey::model)
            .thenComparingLong(QualityWindowKey::startMillis).thenComparing(QualityWindowKey::version)
            .thenComparingLong(QualityWindowKey::endMillis).thenComparingLong(QualityWindowKey::graceMillis);

    private static final int FORMAT_VERSION = 2;

    QualityWindowKey {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
    }

    /** The key of the same window for another version: the unmatched labels' key of a version's window. */
    QualityWindowKey withVersion(String otherVersion) {
        return new QualityWindowKey(model, otherVersion, startMillis, endMillis, graceMillis);
    }

    /**
     * Bytes: u8 version (2), i64 start, model and version as length-prefixed UTF-8, i64 end, i64 grace. Keys of
     * format 1 (no end or grace, from before quality windows were cut per model) were cut with {@code legacy}, the
     * settings' shape.
     */
    static BytesCodec<QualityWindowKey> codec(WindowShape legacy) {
        long legacySizeMillis = legacy.size().toMillis();
        long legacyGraceMillis = legacy.grace().toMillis();
        return new BytesCodec<>() {
            @Override
            public byte[] toBytes(QualityWindowKey key) {
                byte[] model = key.model.getBytes(StandardCharsets.UTF_8);
                byte[] version = key.version.getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(1 + 8 + 4 + model.length + 4 + version.length + 16).put((byte) FORMAT_VERSION)
                        .putLong(key.startMillis).putInt(model.length).put(model).putInt(version.length).put(version)
                        .putLong(key.endMillis).putLong(key.graceMillis).array();
            }

            @Override
            public QualityWindowKey fromBytes(byte[] bytes) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                int format = buffer.get();
                if (format != 1 && format != FORMAT_VERSION) {
                    throw new IllegalStateException("quality window key format " + format + " is not supported by this build");
                }
                long start = buffer.getLong();
                byte[] model = new byte[buffer.getInt()];
                buffer.get(model);
                byte[] version = new byte[buffer.getInt()];
                buffer.get(version);
                long end = format == 1 ? start + legacySizeMillis : buffer.getLong();
                long grace = format == 1 ? legacyGraceMillis : buffer.getLong();
                return new QualityWindowKey(new String(model, StandardCharsets.UTF_8), new String(version, StandardCharsets.UTF_8),
                        start, end, grace);
            }
        };
    }
}
