package io.driftwatch.schemas.wire;

import io.driftwatch.schemas.record.DeadLetterReason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluentFramingTest {

    @Test
    void frameWritesMagicByteThenBigEndianIdThenPayload() {
        byte[] framed = ConfluentFraming.frame(0x01020304, new byte[] {42, 43});

        assertThat(framed).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 42, 43);
    }

    @Test
    void unframeReadsTheIdAndLocatesThePayload() {
        byte[] framed = ConfluentFraming.frame(42, new byte[] {7, 8, 9});

        ConfluentFrame frame = ConfluentFraming.unframe(framed);

        assertThat(frame).isEqualTo(new ConfluentFrame(42, 5, 3));
        assertThat(Arrays.copyOfRange(framed, frame.payloadOffset(), frame.payloadOffset() + frame.payloadLength()))
                .containsExactly(7, 8, 9);
    }

    @Test
    void largestIdSurvivesTheRoundTrip() {
        assertThat(ConfluentFraming.unframe(ConfluentFraming.frame(Integer.MAX_VALUE, new byte[0])).schemaId())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void headerWithEmptyPayloadIsAFrameOfLengthZero() {
        assertThat(ConfluentFraming.unframe(new byte[] {0, 0, 0, 0, 9})).isEqualTo(new ConfluentFrame(9, 5, 0));
    }

    @Test
    void negativeIdIsRefusedWhenFraming() {
        assertThatThrownBy(() -> ConfluentFraming.frame(-1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemaId -1 must not be negative");
    }

    @Test
    void tombstoneIsReportedAsHavingNoHeader() {
        assertThatThrownBy(() -> ConfluentFraming.unframe(null))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(DeadLetterReason.TRUNCATED))
                .hasMessage("null value (a tombstone): there is no Confluent header to read a schema id from");
    }

    @Test
    void emptyValueIsTruncated() {
        assertThatThrownBy(() -> ConfluentFraming.unframe(new byte[0]))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(DeadLetterReason.TRUNCATED))
                .hasMessage("empty value: the Confluent header needs 5 bytes");
    }

    @Test
    void threeBytesAreTruncatedWithTheCountInTheMessage() {
        assertThatThrownBy(() -> ConfluentFraming.unframe(new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(DeadLetterReason.TRUNCATED))
                .hasMessage("truncated: 3 bytes, the Confluent header needs 5");
    }

    @Test
    void jsonObjectIsRecognisedByItsOpeningBrace() {
        byte[] json = "{\"model\":\"fraud\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentFraming.unframe(json))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(DeadLetterReason.BAD_MAGIC_BYTE))
                .hasMessage("magic byte 0x7b, expected 0x00: the value starts with '{', so it looks like JSON,"
                        + " not Confluent-framed Avro; read this topic as JSON");
    }

    @Test
    void shortJsonIsStillRecognisedAsJsonRatherThanTruncated() {
        assertThatThrownBy(() -> ConfluentFraming.unframe("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("magic byte 0x7b, expected 0x00: the value starts with '{'");
    }

    @Test
    void singleObjectAvroIsRecognisedByItsMarker() {
        byte[] singleObject = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 2};

        assertThatThrownBy(() -> ConfluentFraming.unframe(singleObject))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(DeadLetterReason.BAD_MAGIC_BYTE))
                .hasMessage("magic byte 0xc3, expected 0x00: the value starts with C3 01, the marker of Avro"
                        + " single-object encoding, not the Confluent wire format; read this topic as single-object Avro");
    }

    @Test
    void anyOtherFirstByteAsksWhichFormatItIs() {
        assertThatThrownBy(() -> ConfluentFraming.unframe(new byte[] {(byte) 0xC3, 0x02, 0, 0, 0, 1}))
                .hasMessage("magic byte 0xc3, expected 0x00: is this JSON or single-object Avro?");
        assertThatThrownBy(() -> ConfluentFraming.unframe(new byte[] {1, 0, 0, 0, 1}))
                .hasMessage("magic byte 0x01, expected 0x00: is this JSON or single-object Avro?");
    }
}
