package io.driftwatch.schemas.mapping;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Where a group of named values (the features, or the segments) lives in a user's record. Model servers
 * lay features out in four ways and each has its form: one map field ({@code map:features}), listed
 * fields ({@code fields:f_age,f_income}), every top-level field with a name prefix ({@code prefix:f_}), or
 * every top-level field the other mappings do not use ({@code remaining}). Nested objects inside a group
 * become dotted names: {@code geo: {country: NO}} gives {@code geo.country}.
 */
public sealed interface FieldGroup {

    /** Whether this group reads the given top-level field, so "all remaining fields" leaves it out. */
    boolean claims(String topLevelField);

    /** A map (JSON object, Avro map or record) field whose entries are the values. */
    record MapAt(FieldPath path) implements FieldGroup {
        public MapAt {
            requireNonNull(path, "path");
        }

        @Override
        public boolean claims(String topLevelField) {
            return path.head().equals(topLevelField);
        }

        @Override
        public String toString() {
            return "map:" + path;
        }
    }

    /**
     * Named fields, each value named by its path without {@code stripPrefix} when it starts with it
     * ({@code f_age} with prefix {@code f_} is the feature {@code age}). A listed field that is absent is a
     * missing value, not a bad record.
     */
    record Listed(List<FieldPath> paths, String stripPrefix) implements FieldGroup {
        public Listed {
            paths = List.copyOf(paths);
            requireNonNull(stripPrefix, "stripPrefix");
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("list at least one field");
            }
        }

        @Override
        public boolean claims(String topLevelField) {
            return paths.stream().anyMatch(path -> path.head().equals(topLevelField));
        }

        String nameOf(FieldPath path) {
            String name = path.toString();
            return name.startsWith(stripPrefix) && name.length() > stripPrefix.length()
                    ? name.substring(stripPrefix.length()) : name;
        }

        @Override
        public String toString() {
            return "fields:" + String.join(",", paths.stream().map(FieldPath::toString).toList());
        }
    }

    /** Every top-level field whose name starts with {@code prefix}, named without it. */
    record Prefixed(String prefix) implements FieldGroup {
        public Prefixed {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("the prefix must not be empty; use remaining for all fields");
            }
        }

        @Override
        public boolean claims(String topLevelField) {
            return topLevelField.startsWith(prefix);
        }

        String nameOf(String field) {
            return field.length() > prefix.length() ? field.substring(prefix.length()) : field;
        }

        @Override
        public String toString() {
            return "prefix:" + prefix;
        }
    }

    /** Every top-level field that no other part of the mapping reads, except the {@code excluded} ones. */
    record Remaining(Set<String> excluded) implements FieldGroup {
        public Remaining {
            excluded = Set.copyOf(excluded);
        }

        @Override
        public boolean claims(String topLevelField) {
            return false;
        }

        @Override
        public String toString() {
            return "remaining";
        }
    }
}
