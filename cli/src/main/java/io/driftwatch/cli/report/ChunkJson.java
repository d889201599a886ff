package io.driftwatch.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.stats.compare.TestOptions;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of a chunked {@code check}: the whole-file report exactly as {@link JsonReport} writes it, so existing
 * consumers keep working, plus {@code chunking} (the chunker, time column and threshold rule), {@code chunks} and,
 * when asked, {@code reference_chunks}; each chunk holds its results under the top level's field names.
 */
public final class ChunkJson {
    private ChunkJson() {
    }

    public static String render(ChunkedFileCheck check, TestOptions options) {
        FileCheck whole = check.whole();
        ObjectNode root = JsonReport.tree(whole.report(), whole.judgement(), options, whole.excludedColumns(),
                whole.sketchedColumns());
        ObjectNode chunking = root.putObject("chunking").put("chunker", check.plan().chunker().describe());
        if (check.plan().timeColumn() == null) {
            chunking.putNull("time_column");
        } else {
            chunking.put("time_column", check.plan().timeColumn());
        }
        chunking.put("threshold_rule", check.plan().rule().name().toLowerCase(Locale.ROOT));
        root.set("chunks", chunks(check.chunks()));
        if (check.plan().referenceChunks()) {
            root.set("reference_chunks", chunks(check.referenceChunks()));
        }
        return JsonReport.write(root);
    }

    private static ArrayNode chunks(List<ChunkResult> chunks) {
        ArrayNode array = JsonReport.objectNode().arrayNode();
        for (ChunkResult chunk : chunks) {
            ObjectNode node = array.addObject().put("index", chunk.index()).put("first_line", chunk.firstLine())
                    .put("last_line", chunk.lastLine());
            putTime(node, "start", chunk.span().start());
            putTime(node, "end", chunk.span().end());
            node.put("rows", chunk.rows());
            node.set("columns", JsonReport.columns(chunk.report()));
            node.set("schema", JsonReport.schema(chunk.report()));
            node.set("dataset", JsonReport.dataset(chunk.report(), chunk.judgement()));
        }
        return array;
    }

    private static void putTime(ObjectNode node, String key, @Nullable Instant time) {
        if (time == null) {
            node.putNull(key);
        } else {
            node.put(key, time.toString());
        }
    }
}
