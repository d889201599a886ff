package io.driftwatch.schemas.mapping;

import org.apache.kafka.common.config.ConfigException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

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
        PropertyValues values = new PropertyValues(properties, INFERENCE_PREFIX, INFERENCE_KEYS);
        InferenceMapping canonical = InferenceMapping.canonical();
        FieldGroup features = requireNonNull(values.group("features", canonical.features(), true, false),
                "features: \"none\" is not allowed, so a group always results");
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
        PropertyValues values = new PropertyValues(properties, LABEL_PREFIX, LABEL_KEYS);
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
        return Collections.unmodifiableMap(docs);
    }
}
