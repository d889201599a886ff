package io.driftwatch.cli;

import io.driftwatch.cli.chunk.Chunker;
import io.driftwatch.cli.estimate.EstimationScores;
import io.driftwatch.stats.quality.TaskChoice;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/**
 * {@code baseline}'s options for storing a CBPE fit, a mixin so the command gains them in one line: whether to fit,
 * and how the labelled file is cut into the reference chunks whose realized metrics set the estimates' thresholds.
 * The chunks are cut by {@code check}'s chunkers ({@link Chunker}), so {@code --estimate-chunk-rows N} cuts as
 * {@code check --chunk-rows N} and {@code --estimate-chunks K} as {@code check --chunk-count K}.
 */
public final class EstimationOptions {
    /** NannyML's default chunker cuts the reference into this many chunks. */
    public static final int DEFAULT_CHUNKS = 10;

    @Option(names = "--estimate-performance",
            description = "Also fit CBPE (NannyML's confidence-based performance estimation) on the labelled rows and"
                    + " store it in the baseline, so the stream estimates each window's performance before its labels"
                    + " arrive. Needs --labels and one --score-column COLUMN, a binary model's probability of its"
                    + " positive class, or one --score-column CLASS=COLUMN per class of a model of three or more"
                    + " classes.")
    private boolean estimatePerformance;

    @Option(names = "--estimate-chunks", paramLabel = "K",
            description = "Cut the labelled rows into K chunks of rows/K rows (a remainder is one more chunk), as"
                    + " check --chunk-count K cuts; their realized metrics set the estimates' thresholds (default: "
                    + DEFAULT_CHUNKS + ").")
    private @Nullable Integer estimateChunks;

    @Option(names = "--estimate-chunk-rows", paramLabel = "N",
            description = "Cut the labelled rows into chunks of N rows instead, the last one smaller, as check"
                    + " --chunk-rows N cuts: the number of records in a typical window.")
    private @Nullable Long estimateChunkRows;

    /**
     * How the file is cut for the fit; empty when no fit is asked for.
     *
     * @param labelColumn  {@code --labels}, null when not given
     * @param scoreColumns {@code --score-column}, as given
     * @throws BadInputException when a chunk option is given without {@code --estimate-performance}, both are given or
     *                           one is below 1, or the fit is asked for without labels, without score columns CBPE
     *                           can read ({@link EstimationScores}), or for a regression
     */
    public Optional<Chunker> chunker(@Nullable String labelColumn, List<String> scoreColumns, TaskChoice task)
            throws BadInputException {
        if (!estimatePerformance) {
            if (estimateChunks != null || estimateChunkRows != null) {
                throw new BadInputException((estimateChunks != null ? "--estimate-chunks" : "--estimate-chunk-rows")
                        + " cuts the rows CBPE is fitted on; add --estimate-performance");
            }
            return Optional.empty();
        }
        if (labelColumn == null) {
            throw new BadInputException("--estimate-performance is fitted on the file's true labels: name their"
                    + " column with --labels COLUMN");
        }
        if (task == TaskChoice.REGRESSION) {
            throw new BadInputException("--estimate-performance estimates a classifier, not a regression: drop"
                    + " --task regression or --estimate-performance");
        }
        EstimationScores.require(scoreColumns);
        return Optional.of(cut());
    }

    private Chunker cut() throws BadInputException {
        if (estimateChunks != null && estimateChunkRows != null) {
            throw new BadInputException("give one of --estimate-chunks K and --estimate-chunk-rows N, not both");
        }
        if (estimateChunkRows != null) {
            if (estimateChunkRows < 1) {
                throw new BadInputException("--estimate-chunk-rows " + estimateChunkRows + ": give a number of rows,"
                        + " 1 or more");
            }
            return new Chunker.Rows(estimateChunkRows);
        }
        int chunks = estimateChunks == null ? DEFAULT_CHUNKS : estimateChunks;
        if (chunks < 1) {
            throw new BadInputException("--estimate-chunks " + chunks + ": give a number of chunks, 1 or more");
        }
        return new Chunker.Count(chunks);
    }

    /** The options that cut the rows, as a user would type them, for the summary. */
    public static String describe(Chunker chunker) {
        if (chunker instanceof Chunker.Rows rows) {
            return "--estimate-chunk-rows " + rows.size();
        }
        return "--estimate-chunks " + ((Chunker.Count) chunker).count();
    }
}
