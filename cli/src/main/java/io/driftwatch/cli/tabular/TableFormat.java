package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;

import java.io.IOException;

/** One file format's reading loop: it feeds every field of {@code file}, decompressed if it is gzipped, into a {@link ColumnSet}. */
interface TableFormat {

    /**
     * @return the number of data rows read
     */
    long readInto(InputFile file, ColumnSet columns) throws IOException, BadInputException;
}
