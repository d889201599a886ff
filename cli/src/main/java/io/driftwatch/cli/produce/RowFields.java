package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The fields inferences and labels share (request id, model name, event time), each read from its
 * {@link FieldSource}: a generated id is {@code <idPrefix>-<row>}, a generated time is {@code start} plus
 * one millisecond per row, so generated rows keep the file's order and never share a time.
 *
 * @param idPrefix the file's name without its extension
 * @param start    the time of the first row when times are generated
 */
record RowFields(CellReader cells, FieldSource requestId, FieldSource modelName, FieldSource eventTime,
                 String idPrefix, Instant start) {
    RowFields {
        requireNonNull(cells, "cells");
        requireNonNull(requestId, "requestId");
        requireNonNull(modelName, "modelName");
        requireNonNull(eventTime, "eventTime");
        requireNonNull(idPrefix, "idPrefix");
        requireNonNull(start, "start");
    }

    String requestId(Row row, long rowNumber) throws BadInputException {
        return requestId instanceof FieldSource.Generated ? idPrefix + "-" + rowNumber : text(row, requestId, "request id");
    }

    String modelName(Row row) throws BadInputException {
        return text(row, modelName, "model name");
    }

    Instant eventTime(Row row, long rowNumber) throws BadInputException {
        if (eventTime instanceof FieldSource.Column column) {
            return cells.time(row, column.name());
        }
        return start.plusMillis(rowNumber - 1);
    }

    String text(Row row, FieldSource source, String field) throws BadInputException {
        if (source instanceof FieldSource.Constant constant) {
            return constant.value();
        } else if (source instanceof FieldSource.Column column) {
            return cells.text(row, column.name(), field);
        }
        throw new IllegalStateException("the " + field + " is never generated");
    }
}
