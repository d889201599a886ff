package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Dead letters, a row per record: why the service could not read it, where it came from, and a safe preview of its
 * bytes ({@link BytePreview}), never the raw payload. Dead letters carry no model, so {@code --model} does not apply.
 */
final class DeadLetters implements ReportKind<DeadLetter> {
    @Override
    public Topic<String, DeadLetter> topic() {
        return Topics.DEAD_LETTER;
    }

    @Override
    public boolean carriesModel() {
        return false;
    }

    @Override
    public @Nullable String model(DeadLetter letter) {
        return null;
    }

    @Override
    public @Nullable String version(DeadLetter letter) {
        return null;
    }

    @Override
    public Instant time(DeadLetter letter) {
        return letter.getRecordTime();
    }

    @Override
    public ObjectNode json(DeadLetter letter) {
        ObjectNode root = ReportJson.object();
        root.put("reason_code", letter.getReasonCode().name()).put("reason", letter.getReason())
                .put("topic", letter.getTopic()).put("partition", letter.getPartition()).put("offset", letter.getOffset())
                .put("record_time", letter.getRecordTime().toString())
                .put("dead_lettered_at", letter.getDeadLetteredAt().toString())
                .put("key_preview", preview(letter.getOriginalKey())).put("value_preview", preview(letter.getOriginalValue()));
        ByteBuffer value = letter.getOriginalValue();
        if (value == null) {
            root.putNull("value_bytes");
        } else {
            root.put("value_bytes", value.remaining());
        }
        return root;
    }

    @Override
    public List<String> header() {
        return List.of("record time", "reason", "source", "value preview");
    }

    @Override
    public List<List<String>> rows(DeadLetter letter) {
        String preview = preview(letter.getOriginalValue());
        return List.of(List.of(letter.getRecordTime().toString(), letter.getReasonCode().name() + ": " + letter.getReason(),
                letter.getTopic() + "/" + letter.getPartition() + "@" + letter.getOffset(), preview == null ? "-" : preview));
    }

    private static @Nullable String preview(@Nullable ByteBuffer bytes) {
        return bytes == null ? null : BytePreview.of(bytes);
    }
}
