package io.driftwatch.stats.calibration;

/**
 * How a training column is cut into chunks for calibration: how many, how large, and the seed of the
 * random assignment of values to chunks.
 *
 * <p>Values are assigned to chunks at random, not in file order: the readers keep a column's values
 * sorted (and a categorical column as counts), so file order is not available, and a random split makes
 * the chunks exchangeable, which is exactly the "no drift" the threshold must tolerate. A training file
 * whose own rows drift over time is therefore not penalized the way NannyML's time-ordered chunks would
 * penalize it; the threshold measures sampling noise at the window size, nothing else. The assignment
 * uses {@link java.util.Random}, whose algorithm the Java specification fixes, so a seed gives the same
 * chunks on every JDK.
 *
 * @param chunks    number of chunks, at least {@value #MIN_CHUNKS}; fewer are used when a column has
 *                  fewer than {@code chunks x chunkRows} values, but never fewer than {@value #MIN_CHUNKS}
 * @param chunkRows values per chunk, the size of a typical window; {@value #EQUAL_SPLIT} splits the
 *                  column into {@code chunks} chunks of equal size (sizes differing by at most one)
 * @param seed      seed of the assignment of values to chunks
 */
public record CalibrationPlan(int chunks, int chunkRows, long seed) {
    /** NannyML's default number of chunks. */
    public static final int DEFAULT_CHUNKS = 10;
    /** A standard deviation needs a spread: two statistics give a useless one, three a poor but honest one. */
    public static final int MIN_CHUNKS = 3;
    /** {@link #chunkRows()} value for "split the column into equal chunks". */
    public static final int EQUAL_SPLIT = 0;
    /**
     * Fewest values a chunk may hold: a distance on fewer values moves in steps too coarse for its spread
     * to mean anything.
     */
    public static final int MIN_CHUNK_ROWS = 10;
    /** Threshold = mean + {@value} standard deviations of the chunk statistics. */
    public static final double SIGMAS = 3.0;
    public static final long DEFAULT_SEED = 20_240_601L;

    public CalibrationPlan {
        if (chunks < MIN_CHUNKS) {
            throw new IllegalArgumentException("calibration needs at least " + MIN_CHUNKS + " chunks, got " + chunks);
        }
        if (chunkRows != EQUAL_SPLIT && chunkRows < MIN_CHUNK_ROWS) {
            throw new IllegalArgumentException("a calibration chunk needs at least " + MIN_CHUNK_ROWS
                    + " values, got " + chunkRows);
        }
    }

    /** {@value #DEFAULT_CHUNKS} equal chunks with the default seed. */
    public static CalibrationPlan defaults() {
        return new CalibrationPlan(DEFAULT_CHUNKS, EQUAL_SPLIT, DEFAULT_SEED);
    }

    public boolean equalSplit() {
        return chunkRows == EQUAL_SPLIT;
    }
}
