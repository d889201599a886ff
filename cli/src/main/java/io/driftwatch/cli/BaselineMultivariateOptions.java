package io.driftwatch.cli;

import io.driftwatch.cli.chunk.Chunker;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * {@code baseline}'s options for storing NannyML's PCA reconstruction fit, a mixin so the command gains them in one
 * line: whether to fit, and how the file is cut into the reference chunks whose mean errors set a window's thresholds.
 * The chunks are cut by {@code check}'s chunkers ({@link Chunker}), so {@code --multivariate-chunks K} cuts as
 * {@code check --chunk-count K} and {@code --multivariate-chunk-rows N} as {@code check --chunk-rows N}.
 */
public final class BaselineMultivariateOptions {
    /** NannyML's default chunker cuts the reference into this many chunks. */
    public static final int DEFAULT_CHUNKS = 10;

    @Option(names = "--multivariate", paramLabel = "METHOD",
            description = "Also fit multivariate drift on the file's features and store it in the baseline, so the"
                    + " stream scores every inference with it and judges each window. pca: NannyML's PCA"
                    + " reconstruction error, the fit check --multivariate pca makes on the same file as reference.")
    private @Nullable String method;

    @Option(names = "--multivariate-chunks", paramLabel = "K",
            description = "Cut the file into K chunks of rows/K rows (a remainder is one more chunk), as check"
                    + " --chunk-count K cuts; their mean errors set a window's thresholds (default: " + DEFAULT_CHUNKS
                    + ").")
    private @Nullable Integer chunks;

    @Option(names = "--multivariate-chunk-rows", paramLabel = "N",
            description = "Cut the file into chunks of N rows instead, the last one smaller, as check --chunk-rows N"
                    + " cuts. Give the number of records in a typical window: a mean error's spread shrinks as its"
                    + " chunk grows, so thresholds from chunks of another size are too wide or too narrow for a window.")
    private @Nullable Long chunkRows;

    /**
     * How the file is cut for the fit; empty when no fit is asked for.
     *
     * @throws BadInputException when a chunk option is given without {@code --multivariate}, both are given or one is
     *                           below 1, or the method is not {@code pca}
     */
    public Optional<Chunker> chunker() throws BadInputException {
        if (method == null) {
            if (chunks != null || chunkRows != null) {
                throw new BadInputException((chunks != null ? "--multivariate-chunks" : "--multivariate-chunk-rows")
                        + " cuts the rows the multivariate fit's thresholds come from; add --multivariate pca");
            }
            return Optional.empty();
        }
        MultivariateOptions.requireKnown(method);
        if (chunks != null && chunkRows != null) {
            throw new BadInputException("give one of --multivariate-chunks K and --multivariate-chunk-rows N, not both");
        }
        if (chunkRows != null) {
            if (chunkRows < 1) {
                throw new BadInputException("--multivariate-chunk-rows " + chunkRows + ": give a number of rows, 1 or"
                        + " more (the records in a typical window)");
            }
            return Optional.of(new Chunker.Rows(chunkRows));
        }
        int count = chunks == null ? DEFAULT_CHUNKS : chunks;
        if (count < 1) {
            throw new BadInputException("--multivariate-chunks " + count + ": give a number of chunks, 1 or more");
        }
        return Optional.of(new Chunker.Count(count));
    }

    /** The options that cut the rows, as a user would type them, as the baseline stores them. */
    public static String describe(Chunker chunker) {
        if (chunker instanceof Chunker.Rows rows) {
            return "--multivariate-chunk-rows " + rows.size();
        }
        return "--multivariate-chunks " + ((Chunker.Count) chunker).count();
    }
}
