package io.driftwatch.schemas.mapping;

import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.driftwatch.schemas.mapping.MappingProperties.FEATURE_TYPE;

/**
 * The mapping properties under one prefix, checked key by key as they are read, so that every mistake is
 * reported against the key that holds it. Only {@link MappingProperties} uses it.
 */
final class PropertyValues {
    private final Map<String, String> bySuffix = new HashMap<>();
    private final String prefix;

    PropertyValues(Map<String, ?> properties, String prefix, Map<String, String> knownKeys) {
        this.prefix = prefix;
        for (Map.Entry<String, ?> property : properties.entrySet()) {
            String key = property.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String suffix = key.substring(prefix.length());
            String value = String.valueOf(property.getValue()).strip();
            boolean typeKey = knownKeys.containsKey(FEATURE_TYPE + "<name>") && suffix.startsWith(FEATURE_TYPE)
                    && suffix.length() > FEATURE_TYPE.length();
            if (!knownKeys.containsKey(suffix) && !typeKey) {
                throw new ConfigException(key, value, "unknown mapping key; the keys after " + prefix + " are "
                        + String.join(", ", knownKeys.keySet()));
            }
            if (value.isEmpty()) {
                throw new ConfigException(key, value, "must not be empty; remove the key to keep driftwatch's "
                        + "own field name");
            }
            bySuffix.put(suffix, value);
        }
    }

    boolean has(String suffix) {
        return bySuffix.containsKey(suffix);
    }

    String raw(String suffix) {
        return bySuffix.getOrDefault(suffix, "");
    }

    List<String> list(String suffix) {
        List<String> items = new ArrayList<>();
        for (String item : raw(suffix).split(",", -1)) {
            if (item.isBlank()) {
                throw fail(suffix, "has an empty entry; separate names with single commas");
            }
            items.add(item.strip());
        }
        return items;
    }

    void onlyWith(String suffix, boolean applies, String requirement) {
        if (has(suffix) && !applies) {
            throw fail(suffix, "only applies with " + requirement);
        }
    }

    FieldSource source(String suffix, FieldSource fallback, boolean constantAllowed, boolean timestampAllowed) {
        if (!has(suffix)) {
            return fallback;
        }
        String value = raw(suffix);
        if (value.equals("record-timestamp")) {
            if (!timestampAllowed) {
                throw fail(suffix, "record-timestamp is only for eventTime");
            }
            return new FieldSource.RecordTimestamp();
        }
        String scheme = schemeOf(value);
        if ("const".equals(scheme)) {
            if (!constantAllowed) {
                throw fail(suffix, "a constant is only for the model name and version; map a field instead");
            }
            String constant = value.substring("const:".length()).strip();
            if (constant.isEmpty()) {
                throw fail(suffix, "const: needs a value, e.g. const:v1");
            }
            return new FieldSource.Constant(constant);
        }
        return new FieldSource.Field(path(suffix, value, scheme));
    }

    @Nullable FieldPath optionalPath(String suffix, @Nullable FieldPath fallback) {
        if (!has(suffix)) {
            return fallback;
        }
        String value = raw(suffix);
        return value.equals("none") ? null : path(suffix, value, schemeOf(value));
    }

    @Nullable FieldGroup group(String suffix, @Nullable FieldGroup fallback, boolean remainingAllowed,
                               boolean noneAllowed) {
        if (!has(suffix)) {
            return fallback;
        }
        String value = raw(suffix);
        if (value.equals("remaining") && remainingAllowed) {
            return new FieldGroup.Remaining(Set.of());
        } else if (value.equals("none") && noneAllowed) {
            return null;
        }
        String scheme = schemeOf(value);
        String rest = scheme == null ? value : value.substring(scheme.length() + 1).strip();
        if ("fields".equals(scheme)) {
            List<FieldPath> paths = new ArrayList<>();
            for (String item : rest.split(",", -1)) {
                paths.add(path(suffix, item, null));
            }
            return new FieldGroup.Listed(paths, "");
        } else if ("prefix".equals(scheme)) {
            if (rest.isEmpty()) {
                throw fail(suffix, "prefix: needs the text the field names start with, e.g. prefix:f_");
            }
            return new FieldGroup.Prefixed(rest);
        } else if ("map".equals(scheme)) {
            return new FieldGroup.MapAt(path(suffix, rest, null));
        }
        return new FieldGroup.MapAt(path(suffix, value, scheme));
    }

    Map<String, FeatureType> featureTypes() {
        Map<String, FeatureType> types = new HashMap<>();
        for (Map.Entry<String, String> entry : bySuffix.entrySet()) {
            if (entry.getKey().startsWith(FEATURE_TYPE)) {
                try {
                    types.put(entry.getKey().substring(FEATURE_TYPE.length()), FeatureType.parse(entry.getValue()));
                } catch (IllegalArgumentException e) {
                    throw fail(entry.getKey(), e.getMessage());
                }
            }
        }
        return types;
    }

    private FieldPath path(String suffix, String value, @Nullable String scheme) {
        if (scheme != null && !scheme.equals("path")) {
            throw fail(suffix, "unknown form '" + scheme + ":'; write a field path such as meta.id"
                    + " (path:<name> for a name with a colon), const:<value>, record-timestamp, map:<path>,"
                    + " fields:<path>,<path>, prefix:<text>, remaining or none, as the key allows");
        }
        try {
            return FieldPath.parse(scheme == null ? value : value.substring("path:".length()));
        } catch (IllegalArgumentException e) {
            throw fail(suffix, e.getMessage());
        }
    }

    private static @Nullable String schemeOf(String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            return null;
        }
        String scheme = value.substring(0, colon);
        return scheme.chars().allMatch(c -> c >= 'a' && c <= 'z') ? scheme : null;
    }

    private ConfigException fail(String suffix, @Nullable String message) {
        return new ConfigException(prefix + suffix, raw(suffix), message);
    }
}
