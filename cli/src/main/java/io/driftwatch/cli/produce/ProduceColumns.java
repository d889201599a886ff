package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Which columns of a file fill which record fields, as {@code produce}'s options say, and the one place
 * their default names are written. A default column the file lacks means generated request ids
 * ({@code <file>-<row>}) or times (now, one millisecond apart per row); the model name and version need a
 * column or a constant, which wins over the column; the prediction (or label) needs its column. A column
 * named by any of these options is never a feature, nor is a score column.
 *
 * @param modelConstant   {@code --model}: the model name of every row, or null to read it from a column
 * @param versionConstant {@code --version}: the model version of every row, or null to read it from a column
 * @param scores          {@code --score-column}: the class scores each inference carries; {@link ScoreColumns#NONE}
 * @param positiveClass   {@code --positive-class}: the class one score column without a class is the probability
 *                        of, or null to take the one the predictions imply ({@link ImpliedPositiveClass})
 */
public record ProduceColumns(ColumnOption requestId, ColumnOption modelName, ColumnOption modelVersion,
                             ColumnOption eventTime, ColumnOption prediction, ColumnOption label,
                             @Nullable String modelConstant, @Nullable String versionConstant,
                             ScoreColumns scores, @Nullable String positiveClass) {
    public static final String DEFAULT_REQUEST_ID = "request_id";
    public static final String DEFAULT_MODEL = "model";
    public static final String DEFAULT_VERSION = "version";
    public static final String DEFAULT_EVENT_TIME = "event_time";
    public static final String DEFAULT_PREDICTION = "prediction";
    public static final String DEFAULT_LABEL = "label";

    public ProduceColumns {
        requireNonNull(requestId, "requestId");
        requireNonNull(modelName, "modelName");
        requireNonNull(modelVersion, "modelVersion");
        requireNonNull(eventTime, "eventTime");
        requireNonNull(prediction, "prediction");
        requireNonNull(label, "label");
        requireNonNull(scores, "scores");
    }

    /**
     * @param columns the file's columns
     * @param start   the time of the first row, when the file has no time column
     * @throws BadInputException when a named column is missing, or the model, version or prediction has no source
     */
    RowRecords<InferenceLog> inferences(Path file, List<String> columns, Instant start) throws BadInputException {
        RowFields fields = shared(file, columns, start);
        FieldSource version = textSource(file, columns, modelVersion, versionConstant, "--model-version", "model version");
        String predictionColumn = prediction.require(file, columns, "prediction");
        return new InferenceRows(fields, version, predictionColumn, classScores(file, columns, predictionColumn), named());
    }

    /** The score columns with every one's class: a lone column's is --positive-class, else the predictions' positive class. */
    private ScoreColumns classScores(Path file, List<String> columns, String predictionColumn) throws BadInputException {
        scores.requireIn(file, columns, columns.isEmpty() ? "it has no columns" : "its columns are " + String.join(", ", columns));
        if (!scores.needsPositiveClass()) {
            if (positiveClass != null) {
                throw new BadInputException("--positive-class " + positiveClass + " names the class of one --score-column"
                        + " COLUMN given without a class, and there is none; drop it, or give the score column alone");
            }
            return scores;
        }
        return scores.withPositiveClass(positiveClass != null ? positiveClass : ImpliedPositiveClass.of(file,
                predictionColumn, "the predictions", "--score-column " + scores.unclassedColumn()));
    }

    /** Like {@link #inferences}, for label rows: request id, model name, label and time. */
    RowRecords<FeedbackLabel> labels(Path file, List<String> columns, Instant start) throws BadInputException {
        if (!scores.isEmpty() || positiveClass != null) {
            throw new BadInputException("--score-column and --positive-class describe inferences; label rows carry the"
                    + " label alone: drop them with --kind labels");
        }
        RowFields fields = shared(file, columns, start);
        return new LabelRows(fields, label.require(file, columns, "label"));
    }

    private RowFields shared(Path file, List<String> columns, Instant start) throws BadInputException {
        FieldSource id = requestId.find(file, columns).<FieldSource>map(FieldSource.Column::new)
                .orElse(new FieldSource.Generated());
        FieldSource model = textSource(file, columns, modelName, modelConstant, "--model", "model name");
        FieldSource time = eventTime.find(file, columns).<FieldSource>map(FieldSource.Column::new)
                .orElse(new FieldSource.Generated());
        return new RowFields(new CellReader(file), id, model, time, stem(file), start);
    }

    private static FieldSource textSource(Path file, List<String> columns, ColumnOption option,
                                          @Nullable String constant, String constantOption, String field)
            throws BadInputException {
        if (constant != null) {
            return new FieldSource.Constant(constant);
        }
        Optional<String> column = option.find(file, columns);
        if (column.isEmpty()) {
            throw new BadInputException(file + " has no column '" + option.column() + "' for the " + field
                    + "; pass " + constantOption + " for all rows, or name its column with " + option.option());
        }
        return new FieldSource.Column(column.get());
    }

    private Set<String> named() {
        Set<String> names = new HashSet<>();
        Stream.of(requestId, modelName, modelVersion, eventTime, prediction, label).forEach(option -> names.add(option.column()));
        names.addAll(scores.columns());
        return names;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
