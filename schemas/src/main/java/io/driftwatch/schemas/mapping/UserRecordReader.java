package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.UserRecord;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the single-valued and small-map fields of driftwatch's records out of one user record, each
 * coerced the way model servers commonly write it (ids as numbers, booleans as class labels, times as
 * epoch milliseconds or ISO-8601), and names the field, the mapping key and the expected type when it
 * cannot. One instance per record; not thread-safe.
 */
final class UserRecordReader {
    private static final String TIME_FORMS = "ISO-8601 (2024-05-01T12:00:00Z) or epoch milliseconds";

    private final UserRecord record;
    private final DecodeLimits limits;
    private final String keyPrefix;

    /** @param keyPrefix the mapping's property prefix, e.g. {@code driftwatch.mapping.inference.} */
    UserRecordReader(UserRecord record, DecodeLimits limits, String keyPrefix) {
        this.record = record;
        this.limits = limits;
        this.keyPrefix = keyPrefix;
    }

    /** An id, name or version: a string, or an integer written as one. */
    String text(String target, FieldSource source) throws MappingFault {
        if (source instanceof FieldSource.Constant constant) {
            return constant.value();
        }
        FieldPath path = ((FieldSource.Field) source).path();
        Object value = required(target, path);
        if (value instanceof String text) {
            return text;
        } else if (value instanceof Long number) {
            return number.toString();
        }
        throw wrongType(target, path, value, "a string");
    }

    /** An event time, to the millisecond as driftwatch's records keep it. */
    Instant time(String target, FieldSource source) throws MappingFault {
        if (source instanceof FieldSource.RecordTimestamp) {
            if (record.recordTime() == null) {
                throw new MappingFault(DeadLetterReason.MISSING_FIELD, target + " comes from the Kafka record"
                        + " timestamp (" + keyPrefix + target + "=record-timestamp), but the decoder was not given"
                        + " one; pass it to decode(topic, bytes, recordTime)");
            }
            return record.recordTime().truncatedTo(ChronoUnit.MILLIS);
        }
        FieldPath path = ((FieldSource.Field) source).path();
        Object value = required(target, path);
        if (value instanceof Long millis) {
            return Instant.ofEpochMilli(millis);
        } else if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS);
        } else if (value instanceof Double millis && Double.isFinite(millis) && millis == Math.rint(millis)
                && Math.abs(millis) < 0x1p63) {
            return Instant.ofEpochMilli(millis.longValue());
        } else if (value instanceof String text) {
            return parseTime(target, path, text);
        }
        throw wrongType(target, path, value, TIME_FORMS);
    }

    /** A prediction or label: a number, or a class name (a boolean becomes "true" or "false"). */
    Object numberOrText(String target, FieldSource source) throws MappingFault {
        FieldPath path = ((FieldSource.Field) source).path();
        Object value = required(target, path);
        if (value instanceof Double || value instanceof String) {
            return value;
        } else if (value instanceof Long number) {
            return number.doubleValue();
        } else if (value instanceof Boolean flag) {
            return flag.toString();
        }
        throw wrongType(target, path, value, "a number or a string");
    }

    /** Scores by class; absent or null when the model gives none. */
    @Nullable Map<String, Double> scores(String target, @Nullable FieldPath path) throws MappingFault {
        if (path == null || isAbsentOrNull(path)) {
            return null;
        }
        Map<String, Double> scores = new HashMap<>();
        new FieldGroupWalker(record, target, keyPrefix + target).walk(new FieldGroup.MapAt(path), name -> true,
                (name, value) -> {
                    if (!(value instanceof Long || value instanceof Double)) {
                        throw new MappingFault(DeadLetterReason.WRONG_TYPE, "class score " + MappingFault.quote(name)
                                + " is " + MappingFault.describe(value) + ", expected a number");
                    }
                    checkCount(target, scores.size());
                    scores.put(name, ((Number) value).doubleValue());
                });
        return scores;
    }

    /** Tags such as country; numbers and booleans become their text, nulls are left out. */
    @Nullable Map<String, String> segments(String target, @Nullable FieldGroup group, Predicate<String> claimed)
            throws MappingFault {
        if (group == null || (group instanceof FieldGroup.MapAt mapAt && isAbsentOrNull(mapAt.path()))) {
            return null;
        }
        Map<String, String> segments = new HashMap<>();
        new FieldGroupWalker(record, target, keyPrefix + target).walk(group, claimed, (name, value) -> {
            if (value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean) {
                checkCount(target, segments.size());
                segments.put(name, value.toString());
            } else if (value != null) {
                throw new MappingFault(DeadLetterReason.WRONG_TYPE, "segment " + MappingFault.quote(name) + " is "
                        + MappingFault.describe(value) + ", expected a string");
            }
        });
        return segments;
    }

    private boolean isAbsentOrNull(FieldPath path) {
        FieldPath.Found found = path.find(record.fields());
        return found == null || found.value() == null;
    }

    private void checkCount(String target, int countSoFar) throws MappingFault {
        if (countSoFar >= limits.maxFeatures()) {
            throw new MappingFault(DeadLetterReason.TOO_LARGE, target + " has more than " + limits.maxFeatures()
                    + " entries, the limit");
        }
    }

    private Object required(String target, FieldPath path) throws MappingFault {
        FieldPath.Found found = path.find(record.fields());
        if (found == null) {
            throw new MappingFault(DeadLetterReason.MISSING_FIELD, "missing field " + where(target, path));
        } else if (found.value() == null) {
            throw new MappingFault(DeadLetterReason.MISSING_FIELD, "field " + where(target, path) + " is null");
        }
        return found.value();
    }

    @SuppressWarnings("UnusedException") // the fault becomes a dead-letter reason naming the forms a time takes; the cause adds nothing
    private Instant parseTime(String target, FieldPath path, String text) throws MappingFault {
        try {
            if (!text.isEmpty() && text.length() <= 19 && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MappingFault(DeadLetterReason.WRONG_TYPE, "field " + where(target, path)
                    + " is a string that is not a time; expected " + TIME_FORMS);
        }
    }

    private MappingFault wrongType(String target, FieldPath path, Object value, String expected) {
        return new MappingFault(DeadLetterReason.WRONG_TYPE, "field " + where(target, path) + " is "
                + MappingFault.describe(value) + ", expected " + expected);
    }

    private String where(String target, FieldPath path) {
        return MappingFault.quote(path.toString())
                + (path.toString().equals(target) ? "" : " (the " + target + ", per " + keyPrefix + target + ")");
    }
}
