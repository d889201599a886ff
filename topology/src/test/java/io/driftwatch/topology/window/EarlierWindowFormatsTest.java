package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.FeatureProfilesCodec;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State and repartition records written before each model cut its own windows (format 1: window starts only) are read
 * after an upgrade as windows of the settings' shape, which is how they were cut.
 */
class EarlierWindowFormatsTest {
    private static final WindowShape SETTINGS = new WindowShape(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ZERO);
    private static final long START = 1_796_634_000_000L;
    private static final long TEN_MINUTES = 600_000L;
    private static final long ONE_MINUTE = 60_000L;

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        }
        return bytes.toByteArray();
    }

    @Test
    void aWindowKeyOfFormatOneEndsOneSettingsWindowAfterItsStart() throws IOException {
        byte[] stored = bytes(out -> {
            out.writeByte(1);
            out.writeUTF("fraud");
            out.writeUTF("v3");
            out.writeLong(START);
        });

        assertThat(WindowKey.codec(SETTINGS.size()).fromBytes(stored)).isEqualTo(new WindowKey("fraud", "v3", START, START + TEN_MINUTES));
    }

    @Test
    void aPartialAndAWatermarkOfFormatOneOnTheRepartitionTopicCloseAsTheyWouldHaveBefore() throws IOException {
        FeatureProfiles profiles = new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
        profiles.add(Map.of("amount", 12.5), 0.1);
        byte[] partial = bytes(out -> {
            out.writeByte(MergeInput.LEGACY_PARTIAL);
            out.writeUTF("fraud");
            out.writeUTF("v3");
            out.writeLong(START);
            out.writeInt(2);
            out.write(FeatureProfilesCodec.toBytes(profiles));
        });
        byte[] watermark = bytes(out -> {
            out.writeByte(MergeInput.LEGACY_WATERMARK);
            out.writeInt(2);
            out.writeLong(START);
        });

        PartialWindow read = (PartialWindow) MergeInput.serde(SETTINGS).deserializer().deserialize("t", partial);
        assertThat(read.window()).isEqualTo(new WindowKey("fraud", "v3", START, START + TEN_MINUTES));
        assertThat(read.closeAtMillis()).isEqualTo(START + TEN_MINUTES + ONE_MINUTE);
        assertThat(read.sourcePartition()).isEqualTo(2);
        assertThat(read.profiles().records()).isEqualTo(1);
        assertThat(MergeInput.serde(SETTINGS).deserializer().deserialize("t", watermark)).as("closed through that window: at its close time")
                .isEqualTo(new PartitionWatermark(2, START + TEN_MINUTES + ONE_MINUTE));
    }

    @Test
    void storedWatermarksOfFormatOneBecomeTheEventTimesThatClosedThoseWindows() throws IOException {
        byte[] stored = bytes(out -> {
            out.writeByte(1);
            out.writeLong(START);
            out.writeInt(2);
            out.writeInt(0);
            out.writeLong(START);
            out.writeInt(1);
            out.writeLong(START - TEN_MINUTES);
        });

        PartitionWatermarks read = PartitionWatermarks.codec(SETTINGS).fromBytes(stored);

        assertThat(read.closedThroughMillis()).isEqualTo(START + TEN_MINUTES + ONE_MINUTE);
        assertThat(read.allPassed(START + ONE_MINUTE, 2)).isTrue();
        assertThat(read.allPassed(START + TEN_MINUTES + ONE_MINUTE, 2)).as("partition 1 was a window behind").isFalse();
        assertThat(PartitionWatermarks.codec(SETTINGS).fromBytes(PartitionWatermarks.codec(SETTINGS).toBytes(read)).closedThroughMillis())
                .isEqualTo(read.closedThroughMillis());
    }
}
