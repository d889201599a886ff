package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.schemas.record.FeedbackLabel;
import org.apache.avro.Schema;

import static java.util.Objects.requireNonNull;

/** One {@link FeedbackLabel} per row: request id, model, label (a number, else a class) and time; other columns are ignored. */
final class LabelRows implements RowRecords<FeedbackLabel> {
    private final RowFields fields;
    private final String labelColumn;

    LabelRows(RowFields fields, String labelColumn) {
        this.fields = requireNonNull(fields, "fields");
        this.labelColumn = requireNonNull(labelColumn, "labelColumn");
    }

    @Override
    public FeedbackLabel toRecord(Row row, long rowNumber) throws BadInputException {
        return FeedbackLabel.newBuilder()
                .setRequestId(fields.requestId(row, rowNumber))
                .setModelName(fields.modelName(row))
                .setLabel(fields.cells().numberOrText(row, labelColumn, "label"))
                .setEventTime(fields.eventTime(row, rowNumber))
                .build();
    }

    @Override
    public boolean readsAsCheck(String column) {
        return column.equals(labelColumn);
    }

    @Override
    public String key(FeedbackLabel record) {
        return record.getRequestId();
    }

    @Override
    public Schema schema() {
        return FeedbackLabel.getClassSchema();
    }
}
