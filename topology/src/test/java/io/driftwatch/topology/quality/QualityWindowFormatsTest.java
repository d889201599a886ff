package io.driftwatch.topology.quality;

import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.QualityTallyCodec;
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
        assertThat(delta.tally().predictions()).isEqualTo(2);
    }

    @Test
    void aFormatOneTickIsStillATickWithTheJoinPartitionsEventTime() {
        byte[] bytes = formatOneDelta("churn", "", 0, Long.MIN_VALUE, START, new byte[0]);

        QualityDelta tick = QualityDelta.serde(SETTINGS).deserializer().deserialize("quality-by-model", bytes);

        assertThat(tick.tally()).isNull();
        assertThat(tick.model()).isEqualTo("churn");
        assertThat(tick.asOfMillis()).isEqualTo(START);
    }

    @Test
    void aPartialTallyOfItsOwnShapeKeepsItsEndAndGraceOnTheRepartitionTopic() {
        QualityTally tally = new QualityTally(10);
        tally.addUnmatchedLabel();
        QualityDelta delta = new QualityDelta(new QualityWindowKey("credit", "", START + 900_000, START + 4_500_000, 60_000), 1,
                START + 5_000_000, tally);
        var serde = QualityDelta.serde(SETTINGS);

        QualityDelta read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", delta));

        assertThat(read.window()).isEqualTo(delta.window());
        assertThat(read.tally().unmatchedLabels()).isEqualTo(1);
    }
}
