package io.driftwatch.stats.profile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileCodecTest {
    private static final NumericProfileConfig TINY_NUMERIC = new NumericProfileConfig(8, 4);
    private static final CategoricalProfileConfig TINY_CATEGORICAL = new CategoricalProfileConfig(2, 3, 4);

    @BeforeEach
    void seedSketches() {
        KllSeed.reset(42);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 300, 5000})
    void numericProfilesSurviveARoundTrip(int size) {
        NumericProfileConfig config = new NumericProfileConfig(32, 300);
        NumericProfile profile = NumericProfile.of(config, NumericProfileTest.randomColumn(new Random(size), size));
        profile.updateNull();
        profile.updateWrongType();

        byte[] bytes = ProfileCodec.toBytes(profile);
        NumericProfile decoded = ProfileCodec.numericFromBytes(bytes);

        assertThat(ProfileCodec.toBytes(decoded)).isEqualTo(bytes);
        assertThat(decoded.config()).isEqualTo(config);
        assertThat(decoded.count()).isEqualTo(profile.count());
        assertThat(decoded.nonFiniteCount()).isEqualTo(profile.nonFiniteCount());
        assertThat(decoded.nullCount()).isEqualTo(1);
        assertThat(decoded.wrongTypeCount()).isEqualTo(1);
        assertThat(Double.doubleToLongBits(decoded.min())).isEqualTo(Double.doubleToLongBits(profile.min()));
        assertThat(Double.doubleToLongBits(decoded.max())).isEqualTo(Double.doubleToLongBits(profile.max()));
        assertThat(Double.doubleToLongBits(decoded.mean())).isEqualTo(Double.doubleToLongBits(profile.mean()));
        assertThat(Double.doubleToLongBits(decoded.sampleVariance())).isEqualTo(Double.doubleToLongBits(profile.sampleVariance()));
        assertThat(decoded.holdsExactValues()).isEqualTo(profile.holdsExactValues());
        assertThat(decoded.exactSample().map(s -> s.toArray()).orElse(null))
                .isEqualTo(profile.exactSample().map(s -> s.toArray()).orElse(null));
        if (size > 0) {
            assertThat(decoded.sketch().getQuantile(0.5)).isEqualTo(profile.sketch().getQuantile(0.5));
        }
    }

    @Test
    void aProfileWhoseSquaresOverflowSurvivesARoundTripWithNaNVariance() {
        NumericProfile profile = NumericProfile.of(NumericProfileConfig.defaults(), 1e200, -1e200, 3);
        NumericProfile decoded = ProfileCodec.numericFromBytes(ProfileCodec.toBytes(profile));

        assertThat(decoded.sampleVariance()).isNaN();
        assertThat(decoded.mean()).isEqualTo(1.0);
        assertThat(decoded.max()).isEqualTo(1e200);
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 300})
    void categoricalProfilesSurviveARoundTripInExactAndSketchMode(int categories) {
        CategoricalProfileConfig config = new CategoricalProfileConfig(20, 5, 10);
        List<String> stream = CategoricalProfileTest.zipfStream(new Random(categories), 4000, categories);
        CategoricalProfile profile = CategoricalProfile.of(config, stream);
        profile.updateNull();

        byte[] bytes = ProfileCodec.toBytes(profile);
        CategoricalProfile decoded = ProfileCodec.categoricalFromBytes(bytes);

        if (decoded.isExact()) {
            // Only then: a frequent-items sketch lists its items in hash-table order, which a reload may permute.
            assertThat(ProfileCodec.toBytes(decoded)).isEqualTo(bytes);
        }
        assertThat(decoded.isExact()).isEqualTo(categories <= 20);
        assertThat(decoded.count()).isEqualTo(4000);
        assertThat(decoded.nullCount()).isEqualTo(1);
        assertThat(decoded.maximumError()).isEqualTo(profile.maximumError());
        assertThat(decoded.frequencies()).isEqualTo(profile.frequencies());
        assertThat(decoded.distinctCountEstimate()).isEqualTo(profile.distinctCountEstimate());
    }

    @Test
    void numericFormatVersion1IsPinnedByItsGoldenBytes() {
        NumericProfile profile = NumericProfile.of(TINY_NUMERIC, 1.5, -2.0, Double.NaN, 0.25);
        profile.updateNull();
        profile.updateWrongType();
        byte[] golden = goldenBytes("numeric-profile-v1.hex");

        assertThat(HexFormat.of().formatHex(ProfileCodec.toBytes(profile))).isEqualTo(HexFormat.of().formatHex(golden));
        ByteBuffer layout = ByteBuffer.wrap(golden);
        assertThat(layout.get(0)).as("format version").isEqualTo((byte) 1);
        assertThat(layout.get(1)).as("kind").isEqualTo((byte) 1);
        assertThat(layout.get(2)).as("flags: raw values present").isEqualTo((byte) 1);
        assertThat(layout.getInt(3)).as("kllK").isEqualTo(8);
        assertThat(layout.getLong(11)).as("count").isEqualTo(3);
        assertThat(layout.getLong(27)).as("nonFiniteCount").isEqualTo(1);
        assertThat(layout.getDouble(43)).as("min").isEqualTo(-2.0);
        NumericProfile decoded = ProfileCodec.numericFromBytes(golden);
        assertThat(decoded.exactSample().orElseThrow().toArray()).containsExactly(-2.0, 0.25, 1.5);
        assertThat(decoded.mean()).isEqualTo(-0.25 / 3);
    }

    @Test
    void categoricalFormatVersion1IsPinnedByItsGoldenBytesInBothModes() {
        CategoricalProfile exact = CategoricalProfile.of(TINY_CATEGORICAL, List.of("b", "\u00fc", "b"));
        exact.updateNull();
        CategoricalProfile sketched = CategoricalProfile.of(TINY_CATEGORICAL, List.of("b", "a", "c", "a", "d"));

        assertThat(HexFormat.of().formatHex(ProfileCodec.toBytes(exact)))
                .isEqualTo(HexFormat.of().formatHex(goldenBytes("categorical-exact-profile-v1.hex")));
        assertThat(HexFormat.of().formatHex(ProfileCodec.toBytes(sketched)))
                .isEqualTo(HexFormat.of().formatHex(goldenBytes("categorical-sketch-profile-v1.hex")));
        CategoricalProfile decoded = ProfileCodec.categoricalFromBytes(goldenBytes("categorical-exact-profile-v1.hex"));
        assertThat(decoded.exactCounts().orElseThrow().counts()).containsEntry("b", 2L).containsEntry("\u00fc", 1L);
        assertThat(ProfileCodec.categoricalFromBytes(goldenBytes("categorical-sketch-profile-v1.hex")).frequency("a"))
                .isEqualTo(new CategoryFrequency("a", 2, 2));
    }

    @Test
    void everyTruncationIsRejectedWithTheFieldThatIsCutShort() {
        for (ColumnProfile profile : List.of(NumericProfile.of(TINY_NUMERIC, 1, 2, 3),
                CategoricalProfile.of(TINY_CATEGORICAL, List.of("a", "b", "c")))) {
            byte[] bytes = ProfileCodec.toBytes(profile);
            for (int length = 0; length < bytes.length; length++) {
                byte[] truncated = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> ProfileCodec.fromBytes(truncated)).as("first %s bytes", length)
                        .isInstanceOf(ProfileFormatException.class)
                        .hasMessageMatching("truncated profile: .+ needs \\d+ bytes at offset \\d+ but only \\d+"
                                + " remain \\(total " + length + " bytes\\)");
            }
        }
    }

    @Test
    void anUnknownFormatVersionIsRejectedWithAHint() {
        byte[] bytes = ProfileCodec.toBytes(NumericProfile.of(TINY_NUMERIC, 1));
        bytes[0] = 2;
        assertThatThrownBy(() -> ProfileCodec.fromBytes(bytes)).isInstanceOf(ProfileFormatException.class)
                .hasMessage("profile format version 2 is not supported: this build reads version 1; was it written"
                        + " by a newer driftwatch?");
    }

    @Test
    void anUnknownKindFlagsAndTrailingBytesAreRejected() {
        byte[] bytes = ProfileCodec.toBytes(NumericProfile.of(TINY_NUMERIC, 1));
        byte[] unknownKind = bytes.clone();
        unknownKind[1] = 9;
        byte[] unknownFlags = bytes.clone();
        unknownFlags[2] = (byte) 0x81;
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 2);

        assertThatThrownBy(() -> ProfileCodec.fromBytes(unknownKind)).hasMessageContaining("unknown profile kind 9");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(unknownFlags)).hasMessageContaining("unknown numeric flags 0x81");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(trailing)).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("2 unexpected trailing bytes");
        assertThatThrownBy(() -> ProfileCodec.categoricalFromBytes(bytes))
                .hasMessageContaining("expected a categorical profile but the bytes hold a numeric one");
    }

    @Test
    void contradictoryContentsAreRejectedWithWhatDisagrees() {
        byte[] bytes = ProfileCodec.toBytes(NumericProfile.of(TINY_NUMERIC, 1, 2, 3, 4, 5));
        byte[] wrongCount = bytes.clone();
        ByteBuffer.wrap(wrongCount).putLong(11, 6);
        byte[] negativeNulls = bytes.clone();
        ByteBuffer.wrap(negativeNulls).putLong(19, -1);
        byte[] badSketch = bytes.clone();
        Arrays.fill(badSketch, badSketch.length - 24, badSketch.length, (byte) 0x7f);
        byte[] badConfig = bytes.clone();
        ByteBuffer.wrap(badConfig).putInt(3, 2);

        assertThatThrownBy(() -> ProfileCodec.fromBytes(wrongCount)).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("holds 5 values but the profile counts 6");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(negativeNulls)).hasMessageContaining("nullCount is negative (-1)");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(badSketch)).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("KLL sketch");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(badConfig)).hasMessageContaining("kllK must be between 8");
    }

    @Test
    void corruptCategoryNamesAndCountsAreRejected() {
        byte[] bytes = ProfileCodec.toBytes(CategoricalProfile.of(TINY_CATEGORICAL, List.of("a", "b")));
        int firstName = 33 + 4 + 4;
        byte[] invalidUtf8 = bytes.clone();
        invalidUtf8[firstName] = (byte) 0xff;
        byte[] outOfOrder = bytes.clone();
        outOfOrder[firstName] = 'z';

        assertThat(new String(bytes, firstName, 1, StandardCharsets.UTF_8)).isEqualTo("a");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(invalidUtf8)).hasMessageContaining("category 0")
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(outOfOrder)).hasMessageContaining("out of order");
    }

    private static byte[] goldenBytes(String name) {
        try (InputStream in = ProfileCodecTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
