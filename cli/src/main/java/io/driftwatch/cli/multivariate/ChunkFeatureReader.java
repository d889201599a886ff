package io.driftwatch.cli.multivariate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.stats.multivariate.FeatureTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file's features into one {@link FeatureTable} per chunk, in one pass, rows kept in the file's order within
 * each chunk. Values are read as {@code check} reads a column of the feature's type ({@link RowReader}) and kept as
 * {@link FeatureBuffer} says; only the features' values are held, a value per row and feature.
 */
public final class ChunkFeatureReader {
    private ChunkFeatureReader() {
    }

    /**
     * @throws BadInputException when the file cannot be read
     */
    public static List<FeatureTable> read(Path file, Features features, RowChunks chunks) throws BadInputException {
        List<FeatureBuffer> buffers = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.count(); chunk++) {
            buffers.add(new FeatureBuffer(features));
        }
        try (RowReader rows = RowReader.open(file, features.types())) {
            long index = 0;
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next(), index++) {
                buffers.get(chunks.chunkOfRow().applyAsInt(index)).add(next.get());
            }
        }
        return buffers.stream().map(FeatureBuffer::table).toList();
    }
}
