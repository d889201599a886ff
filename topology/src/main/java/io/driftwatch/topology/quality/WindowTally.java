package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.QualityTallyCodec;
import io.driftwatch.topology.estimate.EstimateTally;
import io.driftwatch.topology.state.BytesCodec;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * What one window has gathered, in a join partition's partial update or in the aggregator's merged state: the
 * labelled quality, and the estimated performance of its predictions when the model version's baseline has a CBPE
 * fit (null otherwise). Mutable, not thread-safe.
 */
final class WindowTally {
    /** First byte of this format; never a quality tally's format version, so older bare tallies still read. */
    private static final byte FORMAT_MARK = (byte) 0xE1;

    private final QualityTally quality;
    private @Nullable EstimateTally estimate;

    WindowTally(QualityTally quality, @Nullable EstimateTally estimate) {
        this.quality = requireNonNull(quality, "quality");
        this.estimate = estimate;
    }

    QualityTally quality() {
        return quality;
    }

    @Nullable EstimateTally estimate() {
        return estimate;
    }

    /** The estimate, started when this window has none yet. */
    EstimateTally estimating() {
        EstimateTally started = estimate;
        if (started == null) {
            started = new EstimateTally();
            estimate = started;
        }
        return started;
    }

    void merge(WindowTally other) {
        quality.merge(other.quality);
        EstimateTally theirs = other.estimate;
        if (theirs != null) {
            estimating().merge(theirs);
        }
    }

    /**
     * Bytes: u8 mark (0xE1), i32 length of the quality tally's bytes, those bytes, then the estimate's bytes or
     * nothing. Bytes without the mark are a bare quality tally, as written before estimates.
     */
    static final BytesCodec<WindowTally> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(WindowTally tally) {
            byte[] quality = QualityTallyCodec.toBytes(tally.quality);
            EstimateTally estimate = tally.estimate;
            byte[] estimated = estimate == null ? new byte[0] : EstimateTally.CODEC.toBytes(estimate);
            return ByteBuffer.allocate(1 + 4 + quality.length + estimated.length).put(FORMAT_MARK).putInt(quality.length)
                    .put(quality).put(estimated).array();
        }

        @Override
        public WindowTally fromBytes(byte[] bytes) {
            if (bytes.length == 0 || bytes[0] != FORMAT_MARK) {
                return new WindowTally(QualityTallyCodec.fromBytes(bytes), null);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            byte[] quality = new byte[buffer.getInt()];
            buffer.get(quality);
            byte[] estimated = new byte[buffer.remaining()];
            buffer.get(estimated);
            return new WindowTally(QualityTallyCodec.fromBytes(quality),
                    estimated.length == 0 ? null : EstimateTally.CODEC.fromBytes(estimated));
        }
    };
}
