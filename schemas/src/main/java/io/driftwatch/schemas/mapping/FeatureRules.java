package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.UserRecord;
import io.driftwatch.schemas.record.DeadLetterReason;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules every inference's features obey, whichever format and shape they came in: at most
 * {@link DecodeLimits#maxFeatures()} of them, each a number, string, boolean or null, and each of the type
 * the user declared for it, if any. Immutable and thread-safe.
 */
final class FeatureRules {
    /** A map of this capacity holds 48 features without growing: most models' records, rehashed once at most. */
    private static final int PRESIZED_FEATURES = 64;
    private final Map<String, FeatureType> declaredTypes;
    private final String keyPrefix;

    FeatureRules(Map<String, FeatureType> declaredTypes, String keyPrefix) {
        this.declaredTypes = declaredTypes;
        this.keyPrefix = keyPrefix;
    }

    /** Gathers the features of a user's record, checking each as it comes. */
    Map<String, @Nullable Object> collect(UserRecord record, FieldGroup group, Predicate<String> claimedElsewhere,
                                          DecodeLimits limits) throws MappingFault {
        Map<String, @Nullable Object> features = new HashMap<>(PRESIZED_FEATURES);
        String key = keyPrefix + "features";
        new FieldGroupWalker(record, "features", key).walk(group, claimedElsewhere, (name, value) -> {
            if (features.size() >= limits.maxFeatures()) {
                throw tooMany(limits);
            }
            Object feature = value instanceof Instant instant ? (Object) instant.toEpochMilli() : value;
            if (!(feature == null || feature instanceof String || feature instanceof Long
                    || feature instanceof Double || feature instanceof Boolean)) {
                throw new MappingFault(DeadLetterReason.WRONG_TYPE, "feature " + MappingFault.quote(name) + " is "
                        + MappingFault.describe(feature) + "; features must be numbers, strings, booleans or null"
                        + (group instanceof FieldGroup.Remaining ? " (leave it out with " + key + ".exclude)" : ""));
            }
            checkDeclared(name, feature);
            features.put(name, feature);
        });
        return features;
    }

    /** Checks features that arrived already in driftwatch's shape. */
    void check(Map<String, ?> features, DecodeLimits limits) throws MappingFault {
        if (features.size() > limits.maxFeatures()) {
            throw tooMany(limits);
        }
        if (!declaredTypes.isEmpty()) {
            for (Map.Entry<String, ?> feature : features.entrySet()) {
                checkDeclared(feature.getKey(), feature.getValue());
            }
        }
    }

    private void checkDeclared(String name, @Nullable Object value) throws MappingFault {
        FeatureType declared = declaredTypes.get(name);
        if (declared != null && !declared.accepts(value)) {
            throw new MappingFault(DeadLetterReason.WRONG_TYPE, "feature " + MappingFault.quote(name) + " is "
                    + MappingFault.describe(value) + ", expected " + declared.description() + " (declared by "
                    + keyPrefix + MappingProperties.FEATURE_TYPE + name + ")");
        }
    }

    private static MappingFault tooMany(DecodeLimits limits) {
        return new MappingFault(DeadLetterReason.TOO_LARGE, "the record has more than " + limits.maxFeatures()
                + " features, the limit; raise the limit or map fewer fields as features");
    }
}
