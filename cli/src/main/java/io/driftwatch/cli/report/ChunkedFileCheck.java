package io.driftwatch.cli.report;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.chunk.ChunkLayout;
import io.driftwatch.cli.chunk.ChunkPlan;
import io.driftwatch.cli.chunk.ThresholdRule;
import io.driftwatch.cli.tabular.ChunkedTableReader;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableChunk;
import io.driftwatch.cli.tabular.TablePair;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.calibration.NannyMlThresholds;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetComparator;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A {@code check} that also compares chunks of the current file (and, when asked, of the reference) with the whole
 * reference, as NannyML does: the whole-file {@link FileCheck} unchanged, then each chunk read with the whole file's
 * column types and compared by the same {@link DatasetComparator} with the same settings, so a chunk's numbers are
 * those of {@code check} run on a file of that chunk's rows. The time column is left out of both files (it is not a
 * feature).
 *
 * @param whole           the whole-file check, exactly as without chunks
 * @param chunks          the current file's chunks, in order
 * @param referenceChunks the reference's chunks when the plan asks to report them, else empty
 * @param currentLayout   which chunk each row of the current file fell in
 * @param referenceLayout the same for the reference, when it was cut; else null
 */
public record ChunkedFileCheck(FileCheck whole, ChunkPlan plan, List<ChunkResult> chunks,
                               List<ChunkResult> referenceChunks, ChunkLayout currentLayout,
                               @Nullable ChunkLayout referenceLayout) {
    public ChunkedFileCheck {
        requireNonNull(whole, "whole");
        requireNonNull(plan, "plan");
        requireNonNull(currentLayout, "currentLayout");
        chunks = List.copyOf(chunks);
        referenceChunks = List.copyOf(referenceChunks);
    }

    /** How many chunks of the current file drifted. */
    public long chunksDrifted() {
        return chunks.stream().filter(ChunkResult::drifted).count();
    }

    /**
     * The chunks' verdict in one line, the first a report prints: a chunk's drift exits 1 even when the whole file did
     * not drift, so the reader learns why before anything else, e.g. {@code "CHUNKS DRIFTED: 3 of 7 chunks of the
     * current data (4, 5, 6; the first from 2026-11-24T00:00:00Z)"}.
     */
    public String chunkHeadline() {
        List<ChunkResult> drifted = chunks.stream().filter(ChunkResult::drifted).toList();
        if (drifted.isEmpty()) {
            return "No chunk drifted: 0 of " + chunks.size() + " chunks of the current data";
        }
        ChunkResult first = drifted.get(0);
        Instant start = first.span().start();
        String from = start == null ? "line " + first.firstLine() : start.toString();
        return "CHUNKS DRIFTED: " + drifted.size() + " of " + chunks.size() + " chunks of the current data ("
                + String.join(", ", drifted.stream().map(chunk -> Integer.toString(chunk.index())).toList())
                + "; the first from " + from + ")";
    }

    /** Whether the whole file or any of its chunks drifted; the reference's chunks never count. */
    public boolean anyDrift() {
        return whole.judgement().outcome() == DatasetJudgement.Outcome.DRIFT
                || chunks.stream().anyMatch(ChunkResult::drifted);
    }

    /**
     * @param cutReference whether to cut the reference even when the plan reports no drift of its chunks (the model's
     *                     quality takes its thresholds from them)
     * @throws BadInputException for a file that cannot be read or cut as the plan asks
     */
    public static ChunkedFileCheck run(Path reference, Path current, Map<String, ColumnType> declaredTypes,
                                       Set<String> excludedColumns, ComparisonSettings settings,
                                       CalibrationTargets calibrated, long minRows, ChunkPlan plan, boolean cutReference)
            throws BadInputException {
        Set<String> excluded = new HashSet<>(excludedColumns);
        if (plan.timeColumn() != null) {
            excluded.add(plan.timeColumn());
        }
        TablePair tables = TablePair.read(reference, current, declaredTypes, excluded);
        ComparisonSettings judged = FileCheck.judgedSettings(settings, calibrated, tables);
        FileCheck whole = FileCheck.of(tables, judged, calibrated, excluded, minRows);
        ChunkComparison comparison = new ChunkComparison(new DatasetComparator(judged), tables.reference(),
                !whole.sketchedColumns().isEmpty(), minRows);
        ChunkLayout currentLayout = plan.layout(current, tables.current().rows());
        ChunkLayout referenceLayout = plan.cutsReference() || cutReference
                ? plan.layout(reference, tables.reference().rows()) : null;
        List<ChunkResult> chunks = comparison.compare(current, tables.current(), currentLayout);
        List<ChunkResult> referenceChunks = plan.cutsReference() && referenceLayout != null
                ? comparison.compare(reference, tables.reference(), referenceLayout) : List.of();
        if (plan.rule() == ThresholdRule.NANNYML) {
            NannyMlThresholds thresholds = NannyMlThresholds.fromReferenceChunks(
                    referenceChunks.stream().map(ChunkResult::report).toList());
            chunks = comparison.rejudged(chunks, thresholds);
            referenceChunks = comparison.rejudged(referenceChunks, thresholds);
        }
        return new ChunkedFileCheck(whole, plan, chunks, plan.referenceChunks() ? referenceChunks : List.of(), currentLayout,
                referenceLayout);
    }

    /** Chunks of one file against the whole reference. */
    private record ChunkComparison(DatasetComparator comparator, Table reference, boolean held, long minRows) {

        List<ChunkResult> compare(Path file, Table table, ChunkLayout layout) throws BadInputException {
            List<ChunkResult> results = new ArrayList<>();
            for (TableChunk chunk : ChunkedTableReader.read(file, typesOf(table), layout.rows())) {
                DriftComparison report = held || !chunk.sketchedColumns().isEmpty()
                        ? comparator.compare(reference.held(), chunk.held())
                        : comparator.compare(reference.columns(), chunk.columns());
                results.add(new ChunkResult(chunk.index(), chunk.rows(), chunk.firstLine(), chunk.lastLine(),
                        layout.spans().get(chunk.index()), report, DatasetJudgement.of(report, chunk.rows(), minRows)));
            }
            return results;
        }

        List<ChunkResult> rejudged(List<ChunkResult> chunks, NannyMlThresholds thresholds) {
            return chunks.stream().map(chunk -> {
                DriftComparison report = thresholds.judge(chunk.report());
                return new ChunkResult(chunk.index(), chunk.rows(), chunk.firstLine(), chunk.lastLine(), chunk.span(),
                        report, DatasetJudgement.of(report, chunk.rows(), minRows));
            }).toList();
        }

        private static Map<String, ColumnType> typesOf(Table table) {
            Map<String, ColumnType> types = new LinkedHashMap<>();
            for (String column : table.columnOrder()) {
                types.put(column, table.sketchedColumns().containsKey(column) ? ColumnType.NUMERIC
                        : requireNonNull(table.columns().get(column), column).type());
            }
            return types;
        }
    }
}
