package io.driftwatch.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chunks of a chunked {@code check} in the table report, after the whole file's: one line per chunk with its
 * verdict and drifted columns, so an on-call person sees at once when the drift began.
 */
public final class ChunkLines {
    private ChunkLines() {
    }

    public static String render(ChunkedFileCheck check, String currentName, String referenceName) {
        StringBuilder out = new StringBuilder();
        String how = check.plan().chunker().describe() + (check.plan().timeColumn() == null ? ""
                : ", times from " + check.plan().timeColumn()) + "; thresholds: "
                + check.plan().rule().name().toLowerCase(Locale.ROOT);
        out.append("\nChunks of ").append(currentName).append(" against the whole reference (").append(how).append("):\n");
        append(out, check.chunks());
        if (check.plan().referenceChunks()) {
            out.append("\nChunks of the reference ").append(referenceName).append(" against the whole reference:\n");
            append(out, check.referenceChunks());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<ChunkResult> chunks) {
        List<String[]> rows = new ArrayList<>();
        rows.add(ChunkCells.HEADER);
        chunks.forEach(chunk -> rows.add(ChunkCells.of(chunk).cells()));
        TableReport.appendAligned(out, rows);
    }
}
