package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.RecordMapping;
import io.driftwatch.schemas.format.UserRecord;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Where each field of an {@link InferenceLog} lives in a user's own record, so driftwatch can watch a
 * model server without changing what it writes. For example a flat record
 * {@code {"id": .., "model": .., "f_age": .., "score": ..}} is read with {@code requestId=id},
 * {@code modelName=model}, {@code modelVersion=const:v1}, {@code prediction=score} and
 * {@code features=prefix:f_}. {@link #canonical()} reads driftwatch's own field names, and is what every
 * field not configured defaults to. Immutable and thread-safe.
 *
 * @param featureTypes declared feature types; a feature of another type makes the record {@code WRONG_TYPE}
 * @param classScores  a map of scores by class, or null for none
 * @param segments     the segment tags (not {@code remaining}), or null for none
 */
public record InferenceMapping(FieldSource requestId, FieldSource modelName, FieldSource modelVersion,
                               FieldSource eventTime, FieldSource prediction, FieldGroup features,
                               @Nullable FieldPath classScores, @Nullable FieldGroup segments,
                               Map<String, FeatureType> featureTypes) implements RecordMapping<InferenceLog> {

    public InferenceMapping {
        requireField("requestId", requestId);
        requireFieldOr("modelName", modelName, FieldSource.Constant.class);
        requireFieldOr("modelVersion", modelVersion, FieldSource.Constant.class);
        requireFieldOr("eventTime", eventTime, FieldSource.RecordTimestamp.class);
        requireField("prediction", prediction);
        requireNonNull(features, "features");
        if (segments instanceof FieldGroup.Remaining) {
            throw new IllegalArgumentException("segments cannot be the remaining fields; those are the features");
        }
        featureTypes = Map.copyOf(featureTypes);
    }

    /** Driftwatch's own field names: what its JSON encoder writes, and the default of every key. */
    public static InferenceMapping canonical() {
        return new InferenceMapping(FieldSource.field("requestId"), FieldSource.field("modelName"),
                FieldSource.field("modelVersion"), FieldSource.field("eventTime"), FieldSource.field("prediction"),
                new FieldGroup.MapAt(FieldPath.parse("features")), FieldPath.parse("classScores"),
                new FieldGroup.MapAt(FieldPath.parse("segments")), Map.of());
    }

    public InferenceMapping withFeatureTypes(Map<String, FeatureType> types) {
        return new InferenceMapping(requestId, modelName, modelVersion, eventTime, prediction, features, classScores,
                segments, types);
    }

    @Override
    public Schema ownSchema() {
        return InferenceLog.getClassSchema();
    }

    @Override
    public DecodeResult<InferenceLog> checkOwn(InferenceLog record, DecodeLimits limits) {
        try {
            featureRules().check(record.getFeatures(), limits);
            Map<String, Double> scores = record.getClassScores();
            Map<String, String> tags = record.getSegments();
            if ((scores != null && scores.size() > limits.maxFeatures())
                    || (tags != null && tags.size() > limits.maxFeatures())) {
                return DecodeResult.failed(DeadLetterReason.TOO_LARGE, "class scores or segments have more than "
                        + limits.maxFeatures() + " entries, the limit");
            }
        } catch (MappingFault fault) {
            return fault.toResult();
        }
        return DecodeResult.decoded(record);
    }

    @Override
    public DecodeResult<InferenceLog> fromUserRecord(UserRecord record, DecodeLimits limits) {
        UserRecordReader reader = new UserRecordReader(record, limits, MappingProperties.INFERENCE_PREFIX);
        try {
            return DecodeResult.decoded(InferenceLog.newBuilder()
                    .setRequestId(reader.text("requestId", requestId))
                    .setModelName(reader.text("modelName", modelName))
                    .setModelVersion(reader.text("modelVersion", modelVersion))
                    .setEventTime(reader.time("eventTime", eventTime))
                    .setPrediction(reader.numberOrText("prediction", prediction))
                    .setFeatures(featureRules().collect(record, features, this::claimedOutsideFeatures, limits))
                    .setClassScores(reader.scores("classScores", classScores))
                    .setSegments(reader.segments("segments", segments, name -> false))
                    .build());
        } catch (MappingFault fault) {
            return fault.toResult();
        }
    }

    private boolean claimedOutsideFeatures(String topLevelField) {
        return Stream.of(requestId, modelName, modelVersion, eventTime, prediction)
                .anyMatch(source -> source.claims(topLevelField))
                || (classScores != null && classScores.head().equals(topLevelField))
                || (segments != null && segments.claims(topLevelField));
    }

    private FeatureRules featureRules() {
        return new FeatureRules(featureTypes, MappingProperties.INFERENCE_PREFIX);
    }

    static void requireField(String name, FieldSource source) {
        requireNonNull(source, name);
        if (!(source instanceof FieldSource.Field)) {
            throw new IllegalArgumentException(name + " must come from a field of the record, not " + source);
        }
    }

    static void requireFieldOr(String name, FieldSource source, Class<? extends FieldSource> alternative) {
        requireNonNull(source, name);
        if (!(source instanceof FieldSource.Field) && !alternative.isInstance(source)) {
            throw new IllegalArgumentException(name + " cannot be " + source);
        }
    }
}
