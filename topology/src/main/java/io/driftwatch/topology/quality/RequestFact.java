package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What the join knows about one request id: its prediction waiting for a label, its label waiting for a
 * prediction, or the mark that it was joined (kept until the prediction's label delay runs out, so a
 * repeated label is recognised and counted once). Only the fields quality needs travel: no features.
 */
sealed interface RequestFact {
    String model();

    /** Event time, in ms, after which the fact is dropped: its own time plus the maximum label delay. */
    long expiresAtMillis(long maxDelayMillis);

    /** A prediction: value is a String (class) or a Double; scores and segments may be empty. */
    record PredictionFact(String model, String version, long eventMillis, Object prediction,
                          Map<String, Double> classScores, Map<String, String> segments) implements RequestFact {
        public PredictionFact {
            requireNonNull(model, "model");
            requireNonNull(version, "version");
            requireNonNull(prediction, "prediction");
            classScores = Map.copyOf(classScores);
            segments = Map.copyOf(segments);
        }

        static PredictionFact of(InferenceLog log) {
            Map<String, Double> scores = log.getClassScores() == null ? Map.of() : log.getClassScores();
            Map<String, String> segments = log.getSegments() == null ? Map.of() : log.getSegments();
            return new PredictionFact(log.getModelName(), log.getModelVersion(), log.getEventTime().toEpochMilli(),
                    plain(log.getPrediction()), scores, segments);
        }

        @Override
        public long expiresAtMillis(long maxDelayMillis) {
            return eventMillis + maxDelayMillis;
        }
    }

    record LabelFact(String model, long eventMillis, Object label) implements RequestFact {
        public LabelFact {
            requireNonNull(model, "model");
            requireNonNull(label, "label");
        }

        static LabelFact of(FeedbackLabel label) {
            return new LabelFact(label.getModelName(), label.getEventTime().toEpochMilli(), plain(label.getLabel()));
        }

        @Override
        public long expiresAtMillis(long maxDelayMillis) {
            return eventMillis + maxDelayMillis;
        }
    }

    /** A request already labelled; a label for it now is a duplicate of this prediction's window. */
    record JoinedMark(String model, String version, long predictionMillis) implements RequestFact {
        public JoinedMark {
            requireNonNull(model, "model");
            requireNonNull(version, "version");
        }

        @Override
        public long expiresAtMillis(long maxDelayMillis) {
            return predictionMillis + maxDelayMillis;
        }
    }

    /** Avro hands strings over as {@code Utf8}; the statistics want a String or a Double. */
    private static Object plain(Object value) {
        return value instanceof Double number ? number : value.toString();
    }
}
