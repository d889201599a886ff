package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.QualityTallyCodec;
import io.driftwatch.topology.state.BytesCodec;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * The aggregator's state of one open window: the merged tally, and whether a quality trigger already fired
 * for it (at most one per window). Mutable: the tally is updated in place between commits.
 */
final class QualityWindowState {
    private final QualityTally tally;
    private boolean triggered;

    QualityWindowState(QualityTally tally, boolean triggered) {
        this.tally = requireNonNull(tally, "tally");
        this.triggered = triggered;
    }

    QualityTally tally() {
        return tally;
    }

    boolean triggered() {
        return triggered;
    }

    void markTriggered() {
        triggered = true;
    }

    /** Bytes: u8 format version (1), u8 triggered, the tally's own bytes. */
    static final BytesCodec<QualityWindowState> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(QualityWindowState state) {
            byte[] tally = QualityTallyCodec.toBytes(state.tally);
            return ByteBuffer.allocate(2 + tally.length).put((byte) 1).put((byte) (state.triggered ? 1 : 0)).put(tally).array();
        }

        @Override
        public QualityWindowState fromBytes(byte[] bytes) {
            if (bytes[0] != 1) {
                throw new IllegalStateException("quality window format " + bytes[0] + " is not supported by this build");
            }
            byte[] tally = new byte[bytes.length - 2];
            System.arraycopy(bytes, 2, tally, 0, tally.length);
            return new QualityWindowState(QualityTallyCodec.fromBytes(tally), bytes[1] == 1);
        }
    };
}
