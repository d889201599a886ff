package io.driftwatch.topology.quality;

import io.driftwatch.topology.window.WindowShape;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * What one join partition learned about one model version's window since its last update (a partial
 * tally), or, without a tally, only how far its event time has come (a tick, so the aggregator can make
 * windows final when a partition has nothing new for them). Keyed by model name on the repartition topic.
 *
 * @param window      the model version's window the tally belongs to, as the join partition cut it (version empty
 *                    for labels that matched no prediction: their version is unknown); in a tick, the model and no
 *                    window (start and end Long.MIN_VALUE)
 * @param partition   the join partition that sent it
 * @param asOfMillis  the join partition's event time when it sent this: both its inputs have passed it;
 *                    {@link Long#MAX_VALUE} in the tick of a partition that has forgotten the model (it holds nothing
 *                    more for it)
 * @param predictionsAsOfMillis how far the join partition's predictions have got, at least {@code asOfMillis}: a
 *                    window's estimate needs its predictions only, not their labels
 */
record QualityDelta(QualityWindowKey window, int partition, long asOfMillis, long predictionsAsOfMillis,
                    @Nullable WindowTally tally) {
    private static final int FORMAT_VERSION = 3;

    QualityDelta {
        requireNonNull(window, "window");
    }

    static QualityDelta tick(String model, int partition, long asOfMillis, long predictionsAsOfMillis) {
        return new QualityDelta(new QualityWindowKey(model, "", Long.MIN_VALUE, Long.MIN_VALUE, 0), partition, asOfMillis,
                predictionsAsOfMillis, null);
    }

    String model() {
        return window.model();
    }

    /**
     * Bytes: u8 version (3), i32 partition, i64 window start, i64 as-of, model and version (length-prefixed UTF-8),
     * i64 window end, i64 grace, i64 predictions' as-of, the {@link WindowTally}'s bytes or none (a bare quality tally before estimates). Format 1 (no end or grace, from before quality windows were cut
     * per model) was cut with {@code legacy}, the settings' shape.
     */
    static Serde<QualityDelta> serde(WindowShape legacy) {
        requireNonNull(legacy, "legacy");
        return Serdes.serdeFrom((topic, delta) -> delta == null ? null : toBytes(delta),
                (topic, bytes) -> bytes == null ? null : fromBytes(bytes, legacy));
    }

    private static byte[] toBytes(QualityDelta delta) {
        QualityWindowKey window = delta.window;
        byte[] model = window.model().getBytes(StandardCharsets.UTF_8);
        byte[] version = window.version().getBytes(StandardCharsets.UTF_8);
        byte[] tally = delta.tally == null ? new byte[0] : WindowTally.CODEC.toBytes(delta.tally);
        return ByteBuffer.allocate(1 + 4 + 16 + 8 + model.length + version.length + 24 + tally.length)
                .put((byte) FORMAT_VERSION).putInt(delta.partition).putLong(window.startMillis()).putLong(delta.asOfMillis)
                .putInt(model.length).put(model).putInt(version.length).put(version)
                .putLong(window.endMillis()).putLong(window.graceMillis()).putLong(delta.predictionsAsOfMillis).put(tally)
                .array();
    }

    private static QualityDelta fromBytes(byte[] bytes, WindowShape legacy) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int format = buffer.get();
        if (format < 1 || format > FORMAT_VERSION) {
            throw new IllegalStateException("quality delta format " + format + " is not supported by this build");
        }
        int partition = buffer.getInt();
        long start = buffer.getLong();
        long asOf = buffer.getLong();
        String model = string(buffer);
        String version = string(buffer);
        long end = format == 1 ? start + legacy.size().toMillis() : buffer.getLong();
        long grace = format == 1 ? legacy.grace().toMillis() : buffer.getLong();
        long predictionsAsOf = format < 3 ? asOf : buffer.getLong();
        WindowTally tally = null;
        if (buffer.hasRemaining()) {
            byte[] rest = new byte[buffer.remaining()];
            buffer.get(rest);
            tally = WindowTally.CODEC.fromBytes(rest);
        }
        return new QualityDelta(new QualityWindowKey(model, version, start, end, grace), partition, asOf, predictionsAsOf, tally);
    }

    private static String string(ByteBuffer buffer) {
        byte[] text = new byte[buffer.getInt()];
        buffer.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
