package io.driftwatch.schemas.mapping;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.DecodeResult;
import io.driftwatch.schemas.format.RecordMapping;
import io.driftwatch.schemas.format.UserRecord;
import io.driftwatch.schemas.record.FeedbackLabel;
import org.apache.avro.Schema;

/**
 * Where each field of a {@link FeedbackLabel} lives in a user's own label record, so the labelling system
 * can keep its shape: for example {@code requestId=ref}, {@code modelName=const:fraud},
 * {@code label=outcome.is_fraud}, {@code eventTime=record-timestamp}. {@link #canonical()} reads
 * driftwatch's own field names. Immutable and thread-safe.
 */
public record LabelMapping(FieldSource requestId, FieldSource modelName, FieldSource label, FieldSource eventTime)
        implements RecordMapping<FeedbackLabel> {

    public LabelMapping {
        InferenceMapping.requireField("requestId", requestId);
        InferenceMapping.requireFieldOr("modelName", modelName, FieldSource.Constant.class);
        InferenceMapping.requireField("label", label);
        InferenceMapping.requireFieldOr("eventTime", eventTime, FieldSource.RecordTimestamp.class);
    }

    /** Driftwatch's own field names: what its JSON encoder writes, and the default of every key. */
    public static LabelMapping canonical() {
        return new LabelMapping(FieldSource.field("requestId"), FieldSource.field("modelName"),
                FieldSource.field("label"), FieldSource.field("eventTime"));
    }

    @Override
    public Schema ownSchema() {
        return FeedbackLabel.getClassSchema();
    }

    @Override
    public DecodeResult<FeedbackLabel> checkOwn(FeedbackLabel record, DecodeLimits limits) {
        return DecodeResult.decoded(record);
    }

    @Override
    public DecodeResult<FeedbackLabel> fromUserRecord(UserRecord record, DecodeLimits limits) {
        UserRecordReader reader = new UserRecordReader(record, limits, MappingProperties.LABEL_PREFIX);
        try {
            return DecodeResult.decoded(FeedbackLabel.newBuilder()
                    .setRequestId(reader.text("requestId", requestId))
                    .setModelName(reader.text("modelName", modelName))
                    .setLabel(reader.numberOrText("label", label))
                    .setEventTime(reader.time("eventTime", eventTime))
                    .build());
        } catch (MappingFault fault) {
            return fault.toResult();
        }
    }
}
