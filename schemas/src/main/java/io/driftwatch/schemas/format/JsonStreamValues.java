package io.driftwatch.schemas.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON record straight from the parser's tokens into the plain values {@link JsonPlainValues} makes from a
 * parsed tree: the same values (integers as {@code Long}, beyond 64 bits {@code Double}; other numbers
 * {@code Double}; objects ordered maps), without building the tree first. It exists for speed: every JSON inference
 * takes this path, and the tree cost as much again as the parse. It gives up (null) at the first thing it does not
 * accept, without saying why: a parse error, a root that is not one object, content after it, more items than the
 * limit. {@link JsonDecoder} then reads the same bytes through the tree and produces the reasoned dead letter, so
 * the two paths never disagree on what they accept.
 */
final class JsonStreamValues {
    private final DecodeLimits limits;
    private long items;

    private JsonStreamValues(DecodeLimits limits) {
        this.limits = limits;
    }

    /** @return the record's top-level fields, or null when anything needs the tree path to explain it */
    static @Nullable Map<String, @Nullable Object> read(ObjectMapper json, byte[] bytes, DecodeLimits limits) {
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonStreamValues reader = new JsonStreamValues(limits);
            Map<String, @Nullable Object> fields = reader.object(parser);
            return fields == null || parser.nextToken() != null ? null : fields;
        } catch (IOException e) {
            return null;
        }
    }

    /** The object whose START_OBJECT the parser is on; null past the item limit. */
    private @Nullable Map<String, @Nullable Object> object(JsonParser parser) throws IOException {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            if (++items > limits.maxCollectionItems()) {
                return null;
            }
            Object value = value(parser, parser.nextToken());
            if (value == Unreadable.INSTANCE) {
                return null;
            }
            fields.put(name, value);
        }
        return parser.currentToken() == JsonToken.END_OBJECT ? fields : null;
    }

    private @Nullable Object value(JsonParser parser, @Nullable JsonToken token) throws IOException {
        if (token == null) {
            return Unreadable.INSTANCE;
        }
        return switch (token) {
            case START_OBJECT -> orUnreadable(object(parser));
            case START_ARRAY -> orUnreadable(array(parser));
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> Unreadable.INSTANCE;
        };
    }

    private @Nullable List<@Nullable Object> array(JsonParser parser) throws IOException {
        List<@Nullable Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (++items > limits.maxCollectionItems()) {
                return null;
            }
            Object item = value(parser, token);
            if (item == Unreadable.INSTANCE) {
                return null;
            }
            list.add(item);
        }
        return list;
    }

    private static Object orUnreadable(@Nullable Object value) {
        return value == null ? Unreadable.INSTANCE : value;
    }

    /** What {@link #value} returns for a token it does not accept, as null is a JSON value. */
    private enum Unreadable {
        INSTANCE
    }
}
