package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** One file format's row loop, behind {@link RowReader}. */
interface RowSource extends Closeable {

    /** The column names: a CSV header, a Parquet schema's, or the keys of a JSON Lines file's first object. */
    List<String> columns();

    /** The next row; empty at the end of the file. */
    Optional<Row> next() throws IOException, BadInputException;
}
