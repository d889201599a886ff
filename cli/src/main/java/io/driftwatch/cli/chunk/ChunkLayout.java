package io.driftwatch.cli.chunk;

import io.driftwatch.cli.tabular.RowChunks;

import java.util.List;

/**
 * A file's chunks decided before its values are read: the chunk of each row, and the span of each chunk.
 *
 * @param rows  the chunk of each row, in the file's order
 * @param spans each chunk's span, in the chunks' order
 */
public record ChunkLayout(RowChunks rows, List<ChunkSpan> spans) {
    public ChunkLayout {
        spans = List.copyOf(spans);
        if (spans.size() != rows.count()) {
            throw new IllegalArgumentException(spans.size() + " spans for " + rows.count() + " chunks");
        }
    }
}
