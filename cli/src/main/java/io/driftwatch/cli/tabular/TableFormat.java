package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;

import java.io.IOException;
import java.nio.file.Path;

/** One file format's reading loop: it feeds every field of {@code file} into a {@link ColumnSet}. */
interface TableFormat {

    /**
     * @return the number of data rows read
     */
    long readInto(Path file, ColumnSet columns) throws IOException, BadInputException;
}
