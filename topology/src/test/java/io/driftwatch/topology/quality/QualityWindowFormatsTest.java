package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.QualityTallyCodec;
import io.driftwatch.topology.estimate.EstimateTally;
import io.driftwatch.topology.window.WindowShape;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Quality window keys and partial tallies written before windows were cut per model, read after the upgrade. */
class QualityWindowFormatsTest {
    private static final WindowShape SETTINGS = new WindowShape(Duration.ofMinutes(20), Duration.ofMinutes(2), Duration.ZERO);
    private static final long START = 1_800_000_000_000L;

    private static byte[] formatOneKey(String model, String version, long start) {
        byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 4 + modelBytes.length + 4 + versionBytes.length).put((byte) 1).putLong(start)
                .putInt(modelBytes.length).put(modelBytes).putInt(versionBytes.length).put(versionBytes).array();
    }

    private static byte[] formatOneDelta(String model, String version, int partition, long start, long asOf, byte[] tally) {
        byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 4 + 16 + 8 + modelBytes.length + versionBytes.length + tally.length).put((byte) 1)
                .putInt(partition).putLong(start).putLong(asOf).putInt(modelBytes.length).put(modelBytes)
                .putInt(versionBytes.length).put(versionBytes).put(tally).array();
    }

    @Test
    void aFormatOneWindowKeyIsReadAsAWindowOfTheSettingsSizeAndGrace() {
        QualityWindowKey key = QualityWindowKey.codec(SETTINGS).fromBytes(formatOneKey("churn", "v2", START));

        assertThat(key).isEqualTo(new QualityWindowKey("churn", "v2", START, START + Duration.ofMinutes(20).toMillis(),
                Duration.ofMinutes(2).toMillis()));
    }

    @Test
    void aWindowKeyOfItsOwnShapeKeepsItsEndAndGraceThroughTheCodec() {
        QualityWindowKey hourFromQuarterPast = new QualityWindowKey("credit", "", START + 900_000, START + 4_500_000, 0);
        var codec = QualityWindowKey.codec(SETTINGS);

        assertThat(codec.fromBytes(codec.toBytes(hourFromQuarterPast))).isEqualTo(hourFromQuarterPast);
    }

    @Test
    void aFormatOnePartialTallyIsReadAsAWindowOfTheSettingsSizeAndGraceWithItsCounts() {
        QualityTally tally = new QualityTally(10);
        tally.addPrediction();
        tally.addPrediction();
        byte[] bytes = formatOneDelta("churn", "v2", 3, START, START + 60_000, QualityTallyCodec.toBytes(tally));

        QualityDelta delta = QualityDelta.serde(SETTINGS).deserializer().deserialize("quality-by-model", bytes);

        assertThat(delta.window()).isEqualTo(new QualityWindowKey("churn", "v2", START, START + Duration.ofMinutes(20).toMillis(),
                Duration.ofMinutes(2).toMillis()));
        assertThat(delta.partition()).isEqualTo(3);
        assertThat(delta.asOfMillis()).isEqualTo(START + 60_000);
        assertThat(delta.tally().quality().predictions()).isEqualTo(2);
        assertThat(delta.tally().estimate()).isNull();
    }

    @Test
    void aFormatOneTickIsStillATickWithTheJoinPartitionsEventTime() {
        byte[] bytes = formatOneDelta("churn", "", 0, Long.MIN_VALUE, START, new byte[0]);

        QualityDelta tick = QualityDelta.serde(SETTINGS).deserializer().deserialize("quality-by-model", bytes);

        assertThat(tick.tally()).isNull();
        assertThat(tick.model()).isEqualTo("churn");
        assertThat(tick.asOfMillis()).isEqualTo(START);
        assertThat(tick.predictionsAsOfMillis()).as("a tick from before estimates: its predictions as far as both inputs")
                .isEqualTo(START);
    }

    @Test
    void aPartialTallyOfItsOwnShapeKeepsItsEndAndGraceOnTheRepartitionTopic() {
        QualityTally tally = new QualityTally(10);
        tally.addUnmatchedLabel();
        QualityDelta delta = new QualityDelta(new QualityWindowKey("credit", "", START + 900_000, START + 4_500_000, 60_000), 1,
                START + 5_000_000, START + 5_060_000, new WindowTally(tally, null));
        var serde = QualityDelta.serde(SETTINGS);

        QualityDelta read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", delta));

        assertThat(read.window()).isEqualTo(delta.window());
        assertThat(read.tally().quality().unmatchedLabels()).isEqualTo(1);
        assertThat(read.predictionsAsOfMillis()).isEqualTo(START + 5_060_000);
    }

    @Test
    void aPartialTallyWithAnEstimateKeepsItsExpectedConfusionAndRankingOnTheRepartitionTopic() {
        QualityTally quality = new QualityTally(10);
        quality.addPrediction();
        quality.addPrediction();
        WindowTally tally = new WindowTally(quality, null);
        tally.estimating().add(0.9, true);
        tally.estimating().add(0.2, false);
        tally.estimating().addNotEstimated();
        QualityDelta delta = new QualityDelta(new QualityWindowKey("credit", "v1", START, START + 60_000, 0), 0, START,
                START + 1_000, tally);
        var serde = QualityDelta.serde(SETTINGS);

        QualityDelta read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", delta));

        EstimateTally estimate = read.tally().estimate();
        assertThat(estimate).isNotNull();
        assertThat(estimate.confusion()).isEqualTo(tally.estimating().confusion());
        assertThat(estimate.notEstimated()).isEqualTo(1);
        assertThat(estimate.ranking().rocAuc()).isEqualTo(tally.estimating().ranking().rocAuc());
        assertThat(read.tally().quality().predictions()).isEqualTo(2);
    }

    @Test
    void aWindowStateOfFormatOneReadsAsTriggeredWithItsTallyAndAnEstimateNotYetJudged() {
        QualityTally quality = new QualityTally(10);
        quality.addPrediction();
        byte[] tally = QualityTallyCodec.toBytes(quality);
        byte[] formatOne = new byte[2 + tally.length];
        formatOne[0] = 1;
        formatOne[1] = 1;
        System.arraycopy(tally, 0, formatOne, 2, tally.length);

        QualityWindowState state = QualityWindowState.CODEC.fromBytes(formatOne);

        assertThat(state.triggered()).isTrue();
        assertThat(state.estimateJudged()).isFalse();
        assertThat(state.tally().quality().predictions()).isEqualTo(1);
        assertThat(state.tally().estimate()).isNull();
    }

    @Test
    void aWindowStateKeepsBothFlagsAndItsEstimateThroughTheCodec() {
        WindowTally tally = new WindowTally(new QualityTally(10), null);
        tally.estimating().add(0.7, true);
        QualityWindowState state = new QualityWindowState(tally, false, true);

        QualityWindowState read = QualityWindowState.CODEC.fromBytes(QualityWindowState.CODEC.toBytes(state));

        assertThat(read.triggered()).isFalse();
        assertThat(read.estimateJudged()).isTrue();
        assertThat(read.tally().estimate()).isNotNull();
        assertThat(read.tally().estimating().confusion().truePositive()).isEqualTo(0.7);
    }
}
