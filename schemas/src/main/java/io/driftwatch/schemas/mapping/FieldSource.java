package io.driftwatch.schemas.mapping;

import static java.util.Objects.requireNonNull;

/**
 * Where one single-valued field of driftwatch's record comes from: a field of the user's record, a
 * constant (a topic that carries one model, so its records need not name it), or the Kafka record
 * timestamp (a producer that sets no event time of its own).
 */
public sealed interface FieldSource {

    /** Whether this source reads the given top-level field, so "all remaining fields" leaves it out. */
    boolean claims(String topLevelField);

    /** A field of the user's record. */
    record Field(FieldPath path) implements FieldSource {
        public Field {
            requireNonNull(path, "path");
        }

        @Override
        public boolean claims(String topLevelField) {
            return path.head().equals(topLevelField);
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** The same value for every record. */
    record Constant(String value) implements FieldSource {
        public Constant {
            if (value.isBlank()) {
                throw new IllegalArgumentException("a constant must not be blank");
            }
        }

        @Override
        public boolean claims(String topLevelField) {
            return false;
        }

        @Override
        public String toString() {
            return "const:" + value;
        }
    }

    /** The timestamp of the Kafka record the value arrived in. */
    record RecordTimestamp() implements FieldSource {
        @Override
        public boolean claims(String topLevelField) {
            return false;
        }

        @Override
        public String toString() {
            return "record-timestamp";
        }
    }

    static FieldSource field(String dottedPath) {
        return new Field(FieldPath.parse(dottedPath));
    }
}
