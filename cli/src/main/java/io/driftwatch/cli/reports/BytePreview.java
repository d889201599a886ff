package io.driftwatch.cli.reports;

import java.nio.ByteBuffer;

/**
 * A dead letter's payload as text that is safe on a terminal and in a JSON string: printable ASCII kept, every other
 * byte (control characters, the ESC of an ANSI sequence, anything outside ASCII, so invalid UTF-8 too) written as
 * {@code \xNN}, a backslash as {@code \\}, at most {@link #MAX_BYTES} bytes followed by how many more there were.
 * A record that was dead-lettered is by definition not what we expected, so nothing of it is printed raw.
 */
final class BytePreview {
    static final int MAX_BYTES = 120;

    private BytePreview() {
    }

    static String of(ByteBuffer payload) {
        ByteBuffer bytes = payload.duplicate();
        int shown = Math.min(bytes.remaining(), MAX_BYTES);
        StringBuilder text = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            int value = bytes.get() & 0xFF;
            if (value == '\\') {
                text.append("\\\\");
            } else if (value >= 0x20 && value < 0x7F) {
                text.append((char) value);
            } else {
                text.append("\\x").append(Character.forDigit(value >> 4, 16)).append(Character.forDigit(value & 0xF, 16));
            }
        }
        int more = bytes.remaining();
        if (more > 0) {
            text.append("... (").append(more).append(" more bytes)");
        }
        return text.toString();
    }
}
