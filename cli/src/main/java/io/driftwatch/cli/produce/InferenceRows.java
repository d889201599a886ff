package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One {@link InferenceLog} per row: the id, model, version, time and prediction from their sources, the class
 * scores from their columns (none for a row with a score missing), and every other column of the row as a feature
 * (a number as a double, true/false as a boolean, a missing value as null, anything else as a string). A value
 * {@code check} counts as missing in its column (see {@link FileRecords}) is a null feature, which the stream's
 * profiles count as missing; a key a JSON line lacks is left out of the features.
 */
final class InferenceRows implements RowRecords<InferenceLog> {
    private final RowFields fields;
    private final FieldSource modelVersion;
    private final String predictionColumn;
    private final ScoreColumns scores;
    private final Set<String> notFeatures;

    /**
     * @param scores      the score columns, each with its class
     * @param notFeatures columns that fill fields or are named by an option, never features
     */
    InferenceRows(RowFields fields, FieldSource modelVersion, String predictionColumn, ScoreColumns scores,
                  Set<String> notFeatures) {
        this.fields = requireNonNull(fields, "fields");
        this.modelVersion = requireNonNull(modelVersion, "modelVersion");
        this.predictionColumn = requireNonNull(predictionColumn, "predictionColumn");
        this.scores = requireNonNull(scores, "scores");
        this.notFeatures = Set.copyOf(notFeatures);
    }

    @Override
    public InferenceLog toRecord(Row row, long rowNumber) throws BadInputException {
        Map<String, Object> features = new HashMap<>(2 * row.values().size());
        for (Map.Entry<String, RowValue> value : row.values().entrySet()) {
            if (!notFeatures.contains(value.getKey())) {
                features.put(value.getKey(), value.getValue().featureValue());
            }
        }
        Map<String, Double> classScores = scores.read(fields.cells().file(), row);
        return InferenceLog.newBuilder()
                .setRequestId(fields.requestId(row, rowNumber))
                .setModelName(fields.modelName(row))
                .setModelVersion(fields.text(row, modelVersion, "model version"))
                .setEventTime(fields.eventTime(row, rowNumber))
                .setFeatures(features)
                .setPrediction(fields.cells().numberOrText(row, predictionColumn, "prediction"))
                .setClassScores(classScores.isEmpty() ? null : classScores)
                .build();
    }

    @Override
    public boolean readsAsCheck(String column) {
        return !notFeatures.contains(column) || column.equals(predictionColumn);
    }

    @Override
    public String key(InferenceLog record) {
        return record.getRequestId();
    }

    @Override
    public Schema schema() {
        return InferenceLog.getClassSchema();
    }
}
