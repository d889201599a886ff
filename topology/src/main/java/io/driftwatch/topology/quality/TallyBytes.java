package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.QualityTallyCodec;
import io.driftwatch.topology.state.BytesCodec;

/** {@link QualityTallyCodec} as a state-store codec; the tally format carries its own version byte. */
final class TallyBytes implements BytesCodec<QualityTally> {
    static final TallyBytes INSTANCE = new TallyBytes();

    @Override
    public byte[] toBytes(QualityTally tally) {
        return QualityTallyCodec.toBytes(tally);
    }

    @Override
    public QualityTally fromBytes(byte[] bytes) {
        return QualityTallyCodec.fromBytes(bytes);
    }
}
