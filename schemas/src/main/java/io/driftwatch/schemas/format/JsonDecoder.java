package io.driftwatch.schemas.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads records written as one JSON object each, the format of model servers that log without Avro. The
 * object's fields are found through the {@link RecordMapping}: driftwatch's own names
 * ({@code requestId}, {@code modelName}, {@code modelVersion}, {@code eventTime} as epoch milliseconds or
 * ISO-8601, {@code features}, {@code prediction}, {@code classScores}, {@code segments}) by default, the
 * user's own shape when configured; nested feature objects become dotted feature names. Duplicate keys
 * and anything after the object are errors, not silently dropped; nesting, string lengths and record size
 * are bounded by {@link DecodeLimits}. Never throws for a bad record. Thread-safe.
 *
 * <p>A record is read from the parser's tokens ({@link JsonStreamValues}); one that path gives up on is parsed again
 * into a tree ({@link JsonPlainValues}), which accepts the same records and says why it refuses one.
 *
 * @param <T> {@code InferenceLog} or {@code FeedbackLabel}, as the mapping says
 */
public final class JsonDecoder<T> implements RecordDecoder<T> {
    private static final int MAX_DETAIL_CHARS = 160;

    private final ObjectMapper json;
    private final RecordMapping<T> mapping;
    private final DecodeLimits limits;

    public JsonDecoder(RecordMapping<T> mapping, DecodeLimits limits) {
        this.mapping = requireNonNull(mapping, "mapping");
        this.limits = requireNonNull(limits, "limits");
        this.json = mapperFor(limits);
    }

    /** The parser settings both reading paths share: the limits, duplicate keys refused, the fast double parser. */
    static ObjectMapper mapperFor(DecodeLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringBytes())
                        .maxDocumentLength(limits.maxRecordBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
        return JsonMapper.builder(factory).build();
    }

    @Override
    public DecodeResult<T> decode(String topic, byte @Nullable [] bytes) {
        requireNonNull(topic, "topic");
        return read(bytes, null);
    }

    @Override
    public DecodeResult<T> decode(String topic, byte @Nullable [] bytes, Instant recordTime) {
        requireNonNull(topic, "topic");
        return read(bytes, requireNonNull(recordTime, "recordTime"));
    }

    private DecodeResult<T> read(byte @Nullable [] bytes, @Nullable Instant recordTime) {
        if (bytes == null || bytes.length == 0) {
            return DecodeResult.failed(DeadLetterReason.INVALID_JSON, "the record value is "
                    + (bytes == null ? "null (a tombstone)" : "empty") + "; expected one JSON object");
        } else if (bytes.length > limits.maxRecordBytes()) {
            return DecodeResult.failed(DeadLetterReason.TOO_LARGE, "the record value has " + bytes.length
                    + " bytes, more than the limit of " + limits.maxRecordBytes());
        }
        try {
            Map<String, @Nullable Object> fields = JsonStreamValues.read(json, bytes, limits);
            UserRecord record = fields != null ? new UserRecord(fields, recordTime)
                    : JsonPlainValues.of(parseObject(bytes), recordTime, limits);
            return mapping.fromUserRecord(record, limits);
        } catch (RecordFault fault) {
            return fault.toResult();
        }
    }

    private JsonNode parseObject(byte[] bytes) throws RecordFault {
        JsonNode root;
        try (JsonParser parser = json.createParser(bytes)) {
            root = json.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new RecordFault(DeadLetterReason.INVALID_JSON, "invalid JSON"
                        + where(parser.currentTokenLocation())
                        + ": more content after the end of the object; write one JSON object per record");
            }
        } catch (JsonProcessingException e) {
            throw parseFailed(e, bytes);
        } catch (IOException e) {
            // Jackson guesses UTF-16 or UTF-32 from zero bytes, so binary data often fails here, not as JSON.
            throw new RecordFault(DeadLetterReason.INVALID_JSON, "invalid JSON: " + detail(e.getMessage())
                    + FormatHint.avroOnly(bytes));
        }
        if (root == null || !root.isObject()) {
            String found = root == null || root.isMissingNode() ? "nothing but whitespace"
                    : "a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new RecordFault(DeadLetterReason.INVALID_JSON, "expected one JSON object per record, found "
                    + found + FormatHint.avroOnly(bytes));
        }
        return root;
    }

    private static RecordFault parseFailed(JsonProcessingException e, byte[] bytes) {
        String where = where(e.getLocation());
        if (causedByLimit(e)) {
            return new RecordFault(DeadLetterReason.TOO_LARGE, "JSON record" + where + " is over a limit: "
                    + detail(e.getOriginalMessage()));
        }
        return new RecordFault(DeadLetterReason.INVALID_JSON, "invalid JSON" + where + ": "
                + detail(e.getOriginalMessage()) + FormatHint.avroOnly(bytes));
    }

    private static String where(@Nullable JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    // Jackson quotes the offending token; a garbage record must not flood the reason.
    private static String detail(@Nullable String message) {
        String text = message == null ? "unreadable input" : message.replaceAll(", from `[^`]*`", "")
                .replaceAll(" \\(start marker at .*", "").replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS - 3) + "...";
    }
}
