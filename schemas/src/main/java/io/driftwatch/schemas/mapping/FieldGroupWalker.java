package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.UserRecord;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Lists the named values of a {@link FieldGroup} in one user record, flattening nested objects into
 * dotted names, so features and segments share one reading of the four group forms.
 */
final class FieldGroupWalker {

    /** Receives each named value; may reject it. */
    interface Sink {
        void accept(String name, @Nullable Object value) throws MappingFault;
    }

    private final UserRecord record;
    private final String target;
    private final String key;

    /**
     * @param target the group's name in driftwatch's record, {@code features} or {@code segments}
     * @param key    the mapping property that configures it, for messages
     */
    FieldGroupWalker(UserRecord record, String target, String key) {
        this.record = record;
        this.target = target;
        this.key = key;
    }

    /**
     * @param claimedElsewhere top-level fields other parts of the mapping read, which {@code remaining} and
     *                         {@code prefix:} leave out
     * @throws MappingFault when a map group's field is missing or not an object, or the sink refuses a value
     */
    void walk(FieldGroup group, Predicate<String> claimedElsewhere, Sink sink) throws MappingFault {
        Map<String, @Nullable Object> fields = record.fields();
        if (group instanceof FieldGroup.MapAt mapAt) {
            flatten("", entriesAt(mapAt.path()), sink);
        } else if (group instanceof FieldGroup.Listed listed) {
            for (FieldPath path : listed.paths()) {
                FieldPath.Found found = path.find(fields);
                emit(listed.nameOf(path), found == null ? null : found.value(), sink);
            }
        } else if (group instanceof FieldGroup.Prefixed prefixed) {
            for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
                if (prefixed.claims(field.getKey()) && !claimedElsewhere.test(field.getKey())) {
                    emit(prefixed.nameOf(field.getKey()), field.getValue(), sink);
                }
            }
        } else if (group instanceof FieldGroup.Remaining remaining) {
            for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
                String name = field.getKey();
                if (!claimedElsewhere.test(name) && !remaining.excluded().contains(name)) {
                    emit(name, field.getValue(), sink);
                }
            }
        }
    }

    private Map<?, ?> entriesAt(FieldPath path) throws MappingFault {
        FieldPath.Found found = path.find(record.fields());
        String where = MappingFault.quote(path.toString())
                + (path.toString().equals(target) ? "" : " (the " + target + ", per " + key + ")");
        if (found == null || found.value() == null) {
            throw new MappingFault(DeadLetterReason.MISSING_FIELD,
                    (found == null ? "missing field " + where : "field " + where + " is null"));
        }
        if (!(found.value() instanceof Map<?, ?> entries)) {
            throw new MappingFault(DeadLetterReason.WRONG_TYPE, "field " + where + " is "
                    + MappingFault.describe(found.value()) + ", expected an object of " + target);
        }
        return entries;
    }

    private void emit(String name, @Nullable Object value, Sink sink) throws MappingFault {
        if (value instanceof Map<?, ?> nested) {
            flatten(name + ".", nested, sink);
        } else {
            sink.accept(name, value);
        }
    }

    private void flatten(String namePrefix, Map<?, ?> entries, Sink sink) throws MappingFault {
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            // The top level keeps the key itself: a decoder's names repeat record to record with their hashes computed.
            String key = String.valueOf(entry.getKey());
            emit(namePrefix.isEmpty() ? key : namePrefix + key, entry.getValue(), sink);
        }
    }
}
