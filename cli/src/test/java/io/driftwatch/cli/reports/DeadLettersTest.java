package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {
    private final DeadLetters kind = new DeadLetters();

    @Test
    void aDeadLetterAsJsonHoldsItsReasonSourceTimeAndPreview() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ReportJson.line(kind.json(
                ReportRecords.deadLetter("{\"x\":1}".getBytes(StandardCharsets.US_ASCII)))));

        assertThat(line.get("reason_code").asText()).isEqualTo("BAD_MAGIC_BYTE");
        assertThat(line.get("reason").asText()).isEqualTo("first byte 0x7b is not the Confluent magic byte 0");
        assertThat(line.get("topic").asText()).isEqualTo("inferences");
        assertThat(line.get("partition").asInt()).isEqualTo(2);
        assertThat(line.get("offset").asLong()).isEqualTo(41);
        assertThat(line.get("record_time").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(line.get("dead_lettered_at").asText()).isEqualTo("2026-12-07T10:00:05Z");
        assertThat(line.get("value_preview").asText()).isEqualTo("{\"x\":1}");
        assertThat(line.get("value_bytes").asInt()).isEqualTo(7);
        assertThat(line.get("key_preview").isNull()).isTrue();
    }

    @Test
    void controlCharactersAnsiEscapesAndInvalidUtf8AreEscapedNeverPrintedRaw() {
        byte[] hostile = {'o', 'k', 0x1B, '[', '3', '1', 'm', '\n', '\r', 0x00, (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\\', 0x7F};

        String preview = BytePreview.of(ByteBuffer.wrap(hostile));

        assertThat(preview).isEqualTo("ok\\x1b[31m\\x0a\\x0d\\x00\\xc3(\\xff\\\\\\x7f");
        assertThat(preview.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    @Test
    void aLongPayloadShowsItsFirst120BytesAndHowManyMore() {
        byte[] payload = new byte[500];
        Arrays.fill(payload, (byte) 'a');

        String preview = BytePreview.of(ByteBuffer.wrap(payload));

        assertThat(preview).isEqualTo("a".repeat(120) + "... (380 more bytes)");
    }

    @Test
    void theTableRowNamesTheReasonAndWhereTheRecordCameFrom() {
        assertThat(kind.rows(ReportRecords.deadLetter(new byte[] {0x1B, 'x'})).get(0)).containsExactly("2026-12-07T10:00:00Z",
                "BAD_MAGIC_BYTE: first byte 0x7b is not the Confluent magic byte 0", "inferences/2@41", "\\x1bx");
    }

    @Test
    void aTableCellWithAControlCharacterInTheReasonIsEscaped() {
        assertThat(AlignedTable.safe("bad \u001b[2J value\n")).isEqualTo("bad \\x1b[2J value\\x0a");
    }
}
