package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Makes one record per row of a file, with the file's columns already matched to the record's fields.
 *
 * @param <T> {@code InferenceLog} or {@code FeedbackLabel}
 */
interface RowRecords<T extends SpecificRecordBase> {

    /**
     * @param rowNumber the row's position among the data rows, from 1 (generated ids and times use it)
     * @throws BadInputException naming the file, line and column of a value the record cannot take
     */
    T toRecord(Row row, long rowNumber) throws BadInputException;

    /**
     * Whether {@code column} is read as {@code check} reads it in its column (typed from all its values, so
     * {@code NaN} in a numeric column is missing): the features, the prediction and the label, whose values the
     * stream profiles or judges. Ids, names, versions, times and scores are read as written.
     */
    boolean readsAsCheck(String column);

    /** The Kafka key: the request id, so an inference and its label land in the same partition. */
    String key(T record);

    /** The schema the records are written with, registered for {@code avro-registry}. */
    Schema schema();
}
