package io.driftwatch.schemas.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

/**
 * Reads field mappings from flat properties such as {@code driftwatch.mapping.inference.requestId=id}, the
 * form a properties file or a command line gives. Every key left out keeps driftwatch's own field name, so
 * a user writes only what differs. A value is a dotted field path ({@code meta.id}, or {@code path:a:b}
 * for a name with a colon), {@code const:<value>} (model name and version), {@code record-timestamp}
 * (event time) or, for groups, {@code map:<path>}, {@code fields:<path>,<path>}, {@code prefix:<text>},
 * {@code remaining} (features only) or {@code none} (optional fields). Keys outside the two prefixes are
 * ignored, so the whole driftwatch configuration can be passed in.
 */
public final class MappingProperties {
    public static final String INFERENCE_PREFIX = "driftwatch.mapping.inference.";
    public static final String LABEL_PREFIX = "driftwatch.mapping.label.";
    /** Followed by a feature name: its declared type, {@code number}, {@code string} or {@code boolean}. */
    public static final String FEATURE_TYPE = "feature.type.";
    static final String STRIP_PREFIX = "features.strip-prefix";
    static final String EXCLUDE = "features.exclude";

    private static final Map<String, String> INFERENCE_KEYS = orderedDocs(
            "requestId", "Field with the request id (labels join on it).",
            "modelName", "Field with the model name, or const:<name>.",
            "modelVersion", "Field with the model version, or const:<version>.",
            "eventTime", "Field with the inference time (epoch millis or ISO-8601), or record-timestamp.",
            "prediction", "Field with the prediction: a number or a class.",
            "features", "map:<path> (or a bare path), fields:<path>,<path>, prefix:<text> or remaining.",
            STRIP_PREFIX, "With features=fields:..., a prefix to drop from feature names.",
            EXCLUDE, "With features=remaining, top-level fields that are not features, comma-separated.",
            "classScores", "Map field of scores by class, or none.",
            "segments", "map:<path> (or a bare path), fields:<path>,<path>, prefix:<text>, or none.",
            FEATURE_TYPE + "<name>", "Declared type of one feature: number, string or boolean.");
    private static final Map<String, String> LABEL_KEYS = orderedDocs(
            "requestId", "Field with the request id of the inference the label belongs to.",
            "modelName", "Field with the model name, or const:<name>.",
            "label", "Field with the true value or class.",
            "eventTime", "Field with the time the label became known, or record-timestamp.");

    private MappingProperties() {
    }

    /** Each inference mapping key (after {@link #INFERENCE_PREFIX}) with what it sets. */
    public static Map<String, String> inferenceKeys() {
        return INFERENCE_KEYS;
    }

    /** Each label mapping key (after {@link #LABEL_PREFIX}) with what it sets. */
    public static Map<String, String> labelKeys() {
        return LABEL_KEYS;
    }

    /**
     * @throws ConfigException naming the key, when a key is unknown or a value is empty or of the wrong form
     */
    public static InferenceMapping inference(Map<String, ?> properties) {
        Values values = new Values(properties, INFERENCE_PREFIX, INFERENCE_KEYS);
        InferenceMapping canonical = InferenceMapping.canonical();
        FieldGroup features = values.group("features", canonical.features(), true, false);
        values.onlyWith(STRIP_PREFIX, features instanceof FieldGroup.Listed, "features=fields:...");
        values.onlyWith(EXCLUDE, features instanceof FieldGroup.Remaining, "features=remaining");
        if (features instanceof FieldGroup.Listed listed && values.has(STRIP_PREFIX)) {
            features = new FieldGroup.Listed(listed.paths(), values.raw(STRIP_PREFIX));
        } else if (features instanceof FieldGroup.Remaining && values.has(EXCLUDE)) {
            features = new FieldGroup.Remaining(Set.copyOf(values.list(EXCLUDE)));
        }
        return new InferenceMapping(
                values.source("requestId", canonical.requestId(), false, false),
                values.source("modelName", canonical.modelName(), true, false),
                values.source("modelVersion", canonical.modelVersion(), true, false),
                values.source("eventTime", canonical.eventTime(), false, true),
                values.source("prediction", canonical.prediction(), false, false),
                features,
                values.optionalPath("classScores", canonical.classScores()),
                values.group("segments", canonical.segments(), false, true),
                values.featureTypes());
    }

    /**
     * @throws ConfigException naming the key, when a key is unknown or a value is empty or of the wrong form
     */
    public static LabelMapping label(Map<String, ?> properties) {
        Values values = new Values(properties, LABEL_PREFIX, LABEL_KEYS);
        LabelMapping canonical = LabelMapping.canonical();
        return new LabelMapping(
                values.source("requestId", canonical.requestId(), false, false),
                values.source("modelName", canonical.modelName(), true, false),
                values.source("label", canonical.label(), false, false),
                values.source("eventTime", canonical.eventTime(), false, true));
    }

    private static Map<String, String> orderedDocs(String... keysAndDocs) {
        Map<String, String> docs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndDocs.length; i += 2) {
            docs.put(keysAndDocs[i], keysAndDocs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(docs);
    }

    /** The properties under one prefix, checked key by key, with the forms each key accepts. */
    private static final class Values {
        private final Map<String, String> bySuffix = new HashMap<>();
        private final String prefix;

        Values(Map<String, ?> properties, String prefix, Map<String, String> knownKeys) {
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
}
