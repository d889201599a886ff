package io.driftwatch.stats.calibration;

import java.util.Random;

/**
 * Which chunk each of a column's n values belongs to: {@code chunkOf[i]} is in [0, chunks) or
 * {@value #NO_CHUNK} for a value that is in no chunk (and so in every chunk's reference). Positions are
 * those of the sorted values, or of the category-ordered units of a categorical column. Immutable.
 */
final class ChunkAssignment {
    static final int NO_CHUNK = -1;

    private final int[] chunkOf;
    private final int chunks;
    private final int[] sizes;

    private ChunkAssignment(int[] chunkOf, int chunks) {
        this.chunkOf = chunkOf;
        this.chunks = chunks;
        this.sizes = new int[chunks];
        for (int chunk : chunkOf) {
            if (chunk != NO_CHUNK) {
                sizes[chunk]++;
            }
        }
    }

    /**
     * Assigns {@code values} positions to {@code chunks} chunks of {@code chunkRows} values each, or to equal
     * chunks when {@code chunkRows} is {@link CalibrationPlan#EQUAL_SPLIT}; callers have checked that they fit.
     */
    static ChunkAssignment shuffled(int values, int chunks, int chunkRows, long seed) {
        int[] chunkOf = new int[values];
        for (int i = 0; i < values; i++) {
            if (chunkRows == CalibrationPlan.EQUAL_SPLIT) {
                chunkOf[i] = i % chunks;
            } else {
                chunkOf[i] = i < chunks * chunkRows ? i / chunkRows : NO_CHUNK;
            }
        }
        Random random = new Random(seed);
        for (int i = values - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = chunkOf[i];
            chunkOf[i] = chunkOf[j];
            chunkOf[j] = swap;
        }
        return new ChunkAssignment(chunkOf, chunks);
    }

    int chunks() {
        return chunks;
    }

    int values() {
        return chunkOf.length;
    }

    int chunkOf(int position) {
        return chunkOf[position];
    }

    int size(int chunk) {
        return sizes[chunk];
    }

    /** Size of the smallest chunk. */
    int smallestSize() {
        int smallest = Integer.MAX_VALUE;
        for (int size : sizes) {
            smallest = Math.min(smallest, size);
        }
        return smallest;
    }
}
