package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.QualityTallyCodec;
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
 * @param version     model version; empty for labels that matched no prediction (their version is unknown)
 * @param partition   the join partition that sent it
 * @param asOfMillis  the join partition's event time when it sent this; {@link Long#MAX_VALUE} in the tick of a
 *                    partition that has forgotten the model (it holds nothing more for it)
 */
record QualityDelta(String model, String version, int partition, long windowStartMillis, long asOfMillis,
                    @Nullable QualityTally tally) {
    private static final int FORMAT_VERSION = 1;

    QualityDelta {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
    }

    static QualityDelta tick(String model, int partition, long asOfMillis) {
        return new QualityDelta(model, "", partition, Long.MIN_VALUE, asOfMillis, null);
    }

    /** Bytes: u8 version (1), i32 partition, i64 window start, i64 as-of, model and version (length-prefixed UTF-8), tally bytes or none. */
    static Serde<QualityDelta> serde() {
        return Serdes.serdeFrom((topic, delta) -> delta == null ? null : toBytes(delta),
                (topic, bytes) -> bytes == null ? null : fromBytes(bytes));
    }

    private static byte[] toBytes(QualityDelta delta) {
        byte[] model = delta.model.getBytes(StandardCharsets.UTF_8);
        byte[] version = delta.version.getBytes(StandardCharsets.UTF_8);
        byte[] tally = delta.tally == null ? new byte[0] : QualityTallyCodec.toBytes(delta.tally);
        return ByteBuffer.allocate(1 + 4 + 16 + 8 + model.length + version.length + tally.length)
                .put((byte) FORMAT_VERSION).putInt(delta.partition).putLong(delta.windowStartMillis).putLong(delta.asOfMillis)
                .putInt(model.length).put(model).putInt(version.length).put(version).put(tally).array();
    }

    private static QualityDelta fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int format = buffer.get();
        if (format != FORMAT_VERSION) {
            throw new IllegalStateException("quality delta format " + format + " is not supported by this build");
        }
        int partition = buffer.getInt();
        long start = buffer.getLong();
        long asOf = buffer.getLong();
        String model = string(buffer);
        String version = string(buffer);
        QualityTally tally = null;
        if (buffer.hasRemaining()) {
            byte[] rest = new byte[buffer.remaining()];
            buffer.get(rest);
            tally = QualityTallyCodec.fromBytes(rest);
        }
        return new QualityDelta(model, version, partition, start, asOf, tally);
    }

    private static String string(ByteBuffer buffer) {
        byte[] text = new byte[buffer.getInt()];
        buffer.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
