package io.driftwatch.schemas.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed JSON object into a {@link UserRecord}, so field mappings need not know Jackson: integers
 * become {@code Long} (beyond 64 bits, {@code Double}), other numbers {@code Double}, objects ordered maps.
 * Items of all arrays and objects together are capped per record, as for Avro.
 */
final class JsonPlainValues {
    private final DecodeLimits limits;
    private long items;

    private JsonPlainValues(DecodeLimits limits) {
        this.limits = limits;
    }

    /** @param object a JSON object node */
    static UserRecord of(JsonNode object, @Nullable Instant recordTime, DecodeLimits limits) throws RecordFault {
        return new UserRecord(new JsonPlainValues(limits).object(object), recordTime);
    }

    private @Nullable Object plain(JsonNode node) throws RecordFault {
        if (node.isObject()) {
            return object(node);
        } else if (node.isArray()) {
            List<@Nullable Object> list = new ArrayList<>(node.size());
            count(node.size());
            for (JsonNode item : node) {
                list.add(plain(item));
            }
            return list;
        } else if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        } else if (node.isNumber()) {
            return node.doubleValue();
        } else if (node.isTextual()) {
            return node.textValue();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    private Map<String, @Nullable Object> object(JsonNode node) throws RecordFault {
        count(node.size());
        Map<String, @Nullable Object> fields = new LinkedHashMap<>(node.size() * 4 / 3 + 1);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            fields.put(field.getKey(), plain(field.getValue()));
        }
        return fields;
    }

    private void count(int more) throws RecordFault {
        items += more;
        if (items > limits.maxCollectionItems()) {
            throw new RecordFault(DeadLetterReason.TOO_LARGE, "the JSON record has more than "
                    + limits.maxCollectionItems() + " array items and object fields, the limit");
        }
    }
}
