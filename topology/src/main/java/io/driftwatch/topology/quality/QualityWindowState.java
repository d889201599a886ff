package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTallyCodec;
import io.driftwatch.topology.state.BytesCodec;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * The aggregator's state of one open window: the merged tally, whether a quality trigger already fired for it (at
 * most one per window, estimated or realized), and whether its complete estimate was judged (once, when its grace
 * passed). Mutable: the tally is updated in place between commits.
 */
final class QualityWindowState {
    private static final int FORMAT_VERSION = 2;
    private static final int TRIGGERED = 1;
    private static final int ESTIMATE_JUDGED = 2;

    private final WindowTally tally;
    private boolean triggered;
    private boolean estimateJudged;

    QualityWindowState(WindowTally tally, boolean triggered, boolean estimateJudged) {
        this.tally = requireNonNull(tally, "tally");
        this.triggered = triggered;
        this.estimateJudged = estimateJudged;
    }

    WindowTally tally() {
        return tally;
    }

    boolean triggered() {
        return triggered;
    }

    void markTriggered() {
        triggered = true;
    }

    boolean estimateJudged() {
        return estimateJudged;
    }

    void markEstimateJudged() {
        estimateJudged = true;
    }

    /**
     * Bytes: u8 format version (2), u8 flags (1 triggered, 2 estimate judged), the {@link WindowTally}'s bytes.
     * Format 1: u8 1, u8 triggered, a bare quality tally.
     */
    static final BytesCodec<QualityWindowState> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(QualityWindowState state) {
            byte[] tally = WindowTally.CODEC.toBytes(state.tally);
            int flags = (state.triggered ? TRIGGERED : 0) | (state.estimateJudged ? ESTIMATE_JUDGED : 0);
            return ByteBuffer.allocate(2 + tally.length).put((byte) FORMAT_VERSION).put((byte) flags).put(tally).array();
        }

        @Override
        public QualityWindowState fromBytes(byte[] bytes) {
            if (bytes[0] != 1 && bytes[0] != FORMAT_VERSION) {
                throw new IllegalStateException("quality window format " + bytes[0] + " is not supported by this build");
            }
            byte[] tally = new byte[bytes.length - 2];
            System.arraycopy(bytes, 2, tally, 0, tally.length);
            if (bytes[0] == 1) {
                return new QualityWindowState(new WindowTally(QualityTallyCodec.fromBytes(tally), null), bytes[1] == 1, false);
            }
            return new QualityWindowState(WindowTally.CODEC.fromBytes(tally), (bytes[1] & TRIGGERED) != 0,
                    (bytes[1] & ESTIMATE_JUDGED) != 0);
        }
    };
}
