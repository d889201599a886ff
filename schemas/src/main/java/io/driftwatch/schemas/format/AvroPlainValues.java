package io.driftwatch.schemas.format;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a generic Avro record of a user's schema into a {@link UserRecord}, so field mappings need not know
 * Avro: text becomes {@code String}, every integer {@code Long}, every other number {@code Double}, enum
 * symbols their names, timestamps (millis, micros or nanos) {@code Instant}, decimals {@code Double}, and
 * records and maps ordered maps.
 */
final class AvroPlainValues {

    private AvroPlainValues() {
    }

    static UserRecord of(GenericRecord record, @Nullable Instant recordTime) {
        return new UserRecord(record(record, record.getSchema()), recordTime);
    }

    private static @Nullable Object plain(@Nullable Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        return switch (schema.getType()) {
            case UNION -> plain(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case STRING, ENUM -> value.toString();
            case INT -> ((Integer) value).longValue();
            case LONG -> timestampOrLong((Long) value, schema.getLogicalType());
            case FLOAT -> ((Float) value).doubleValue();
            case BYTES -> decimalOrBytes(byteArray((ByteBuffer) value), schema.getLogicalType());
            case FIXED -> decimalOrBytes(((GenericFixed) value).bytes().clone(), schema.getLogicalType());
            case ARRAY -> list((List<?>) value, schema.getElementType());
            case MAP -> map((Map<?, ?>) value, schema.getValueType());
            case RECORD -> record((GenericRecord) value, schema);
            case BOOLEAN, DOUBLE, NULL -> value;
        };
    }

    private static Object timestampOrLong(long value, @Nullable LogicalType logicalType) {
        if (logicalType instanceof LogicalTypes.TimestampMillis
                || logicalType instanceof LogicalTypes.LocalTimestampMillis) {
            return Instant.ofEpochMilli(value);
        } else if (logicalType instanceof LogicalTypes.TimestampMicros
                || logicalType instanceof LogicalTypes.LocalTimestampMicros) {
            return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
        } else if (logicalType instanceof LogicalTypes.TimestampNanos
                || logicalType instanceof LogicalTypes.LocalTimestampNanos) {
            return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        }
        return value;
    }

    private static Object decimalOrBytes(byte[] bytes, @Nullable LogicalType logicalType) {
        if (logicalType instanceof LogicalTypes.Decimal decimal && bytes.length > 0) {
            return new BigDecimal(new BigInteger(bytes), decimal.getScale()).doubleValue();
        }
        return bytes;
    }

    private static byte[] byteArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static List<@Nullable Object> list(List<?> items, Schema itemSchema) {
        List<@Nullable Object> plain = new ArrayList<>(items.size());
        for (Object item : items) {
            plain.add(plain(item, itemSchema));
        }
        return plain;
    }

    private static Map<String, @Nullable Object> map(Map<?, ?> entries, Schema valueSchema) {
        Map<String, @Nullable Object> plain = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            plain.put(entry.getKey().toString(), plain(entry.getValue(), valueSchema));
        }
        return plain;
    }

    private static Map<String, @Nullable Object> record(GenericRecord record, Schema schema) {
        Map<String, @Nullable Object> plain = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            plain.put(field.name(), plain(record.get(field.pos()), field.schema()));
        }
        return plain;
    }
}
