package io.driftwatch.tools.demo;

import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One record of the replayed traffic, already encoded as its topic expects; {@code eventTime} is also its Kafka
 * timestamp, so Kafka Streams reads the two input topics in event-time order.
 */
@SuppressWarnings("ArrayRecordComponent") // a record to send, never compared, hashed or printed
record DemoRecord(String topic, String key, Instant eventTime, byte[] value) {
    DemoRecord {
        requireNonNull(topic, "topic");
        requireNonNull(key, "key");
        requireNonNull(eventTime, "eventTime");
        requireNonNull(value, "value");
    }

    /** A prediction of {@code model} {@code version}, Avro single-object encoded as a model server without a registry writes it. */
    static DemoRecord inference(String model, String version, String requestId, Instant time, Map<String, @Nullable Object> features,
                                String prediction) {
        return inference(InferenceLog.newBuilder().setRequestId(requestId).setModelName(model).setModelVersion(version)
                .setEventTime(time).setFeatures(new HashMap<>(features)).setPrediction(prediction).build());
    }

    /** The same, with the probability the model gave each class, as a model that logs its scores writes it. */
    static DemoRecord inference(String model, String version, String requestId, Instant time, Map<String, @Nullable Object> features,
                                String prediction, Map<String, Double> classScores) {
        return inference(InferenceLog.newBuilder().setRequestId(requestId).setModelName(model).setModelVersion(version)
                .setEventTime(time).setFeatures(new HashMap<>(features)).setPrediction(prediction)
                .setClassScores(new HashMap<>(classScores)).build());
    }

    private static DemoRecord inference(InferenceLog log) {
        return new DemoRecord(DemoTopics.INFERENCES, log.getRequestId(), log.getEventTime(), RecordEncoders.singleObject(log));
    }

    /** The true label of a prediction of {@code model}, JSON encoded. */
    static DemoRecord label(String model, String requestId, Instant time, String actual) {
        FeedbackLabel label = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName(model).setLabel(actual)
                .setEventTime(time).build();
        return new DemoRecord(DemoTopics.LABELS, requestId, time, RecordEncoders.json(label));
    }
}
