package io.driftwatch.cli.tabular;

import java.util.Arrays;
import java.util.function.DoubleConsumer;

/**
 * The numbers one column keeps while a file is read, in blocks that are never copied as they fill. A single array
 * doubled as it fills needs its old and new copies at once (1.5 times the values, then twice them again to trim it
 * to size), and on a 1 GiB heap each copy past 512 KiB is a humongous G1 allocation; blocks hold the values with at
 * most one block of slack, and {@link #toArray()} copies them once into the exact array the sample sorts in place.
 * The first block has the length asked for (small for a chunk's column, of which a file may have thousands); each
 * later one is as long as all before it, so the capacity doubles as an array's would, until blocks reach
 * {@link #MAX_BLOCK_LENGTH}. Not thread-safe.
 */
final class KeptNumbers {
    /** 256 KiB of doubles: below half of G1's smallest region (1 MiB), so no block is a humongous object. */
    static final int MAX_BLOCK_LENGTH = 1 << 15;

    private double[][] blocks = new double[4][];
    private int blockCount;
    private double[] lastBlock = new double[0];
    private int lastBlockFill;
    private int size;
    private int capacity;
    private boolean presized;
    private final int firstBlockLength;

    /**
     * @param firstBlockLength how many numbers the first block holds, at least 1; rounded up to a power of two, so that
     *                         the blocks before the first of {@link #MAX_BLOCK_LENGTH} hold that length together
     */
    KeptNumbers(int firstBlockLength) {
        if (firstBlockLength < 1) {
            throw new IllegalArgumentException("firstBlockLength must be >= 1, got " + firstBlockLength);
        }
        int powerOfTwo = Integer.highestOneBit(firstBlockLength);
        this.firstBlockLength = Math.min(powerOfTwo == firstBlockLength ? powerOfTwo : powerOfTwo << 1, MAX_BLOCK_LENGTH);
    }

    /** Whether {@link #add} has room without a new block. */
    boolean hasRoom() {
        return lastBlockFill < lastBlock.length;
    }

    /** The bytes the next block takes, for the caller to reserve before {@link #addBlock()}. */
    long nextBlockBytes() {
        return (long) nextBlockLength() * Double.BYTES;
    }

    private int nextBlockLength() {
        return blockCount == 0 ? firstBlockLength : Math.min(capacity, MAX_BLOCK_LENGTH);
    }

    /** How many numbers the blocks hold when full. */
    int capacity() {
        return capacity;
    }

    /**
     * Makes room for {@link #nextBlockBytes()} more numbers.
     *
     * @throws IllegalStateException when the column would pass the largest array Java allows
     */
    void addBlock() {
        int length = nextBlockLength();
        if ((long) capacity + length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a column holds at most " + (Integer.MAX_VALUE - 8) + " numbers");
        }
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blockCount * 2);
        }
        lastBlock = new double[length];
        lastBlockFill = 0;
        blocks[blockCount++] = lastBlock;
        capacity += length;
    }

    /**
     * Makes room for {@code length} numbers in one block, for a column whose length is known beforehand
     * ({@link RowBound}); {@link #toSortedArray} then sorts in that block. Only while nothing is kept.
     */
    void presize(int length) {
        if (blockCount != 0) {
            throw new IllegalStateException("a column is presized before it keeps anything");
        }
        if (length < 1 || length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("length must be in [1, " + (Integer.MAX_VALUE - 8) + "], got " + length);
        }
        lastBlock = new double[length];
        blocks[blockCount++] = lastBlock;
        capacity = length;
        presized = true;
    }

    /** Appends {@code value}; {@link #hasRoom()} must be true. */
    void add(double value) {
        lastBlock[lastBlockFill++] = value;
        size++;
    }

    int size() {
        return size;
    }

    /** Hands every number to {@code action}, in the order added. */
    void forEach(DoubleConsumer action) {
        int left = size;
        for (int i = 0; i < blockCount; i++) {
            int length = Math.min(blocks[i].length, left);
            for (int j = 0; j < length; j++) {
                action.accept(blocks[i][j]);
            }
            left -= length;
        }
    }

    /**
     * Every number in the order added, in an array of exactly {@link #size()}; the blocks are dropped, so this holds
     * nothing afterwards.
     */
    double[] toArray() {
        double[] values = new double[size];
        int copied = 0;
        for (int i = 0; i < blockCount; i++) {
            int length = Math.min(blocks[i].length, size - copied);
            System.arraycopy(blocks[i], 0, values, copied, length);
            copied += length;
        }
        clear();
        return values;
    }

    /**
     * Every number sorted in {@link Double#compare}'s order, in an array of exactly {@link #size()}, as {@link #toArray()}
     * gives them; a column of more than one full block is sorted out of its blocks ({@link BlockRadixSort}), a presized
     * one in its block with {@code scratch} as the second buffer (then cut to its length if it has fewer numbers than
     * rows), a smaller one (or a presized one that outgrew its block) is left in the order added. This holds nothing
     * afterwards.
     */
    double[] toSortedArray(SortScratch scratch) {
        if (presized && blockCount == 1) {
            double[] values = lastBlock;
            int length = size;
            clear();
            BlockRadixSort.sortInPlace(values, length, scratch.atLeast(length));
            return length == values.length ? values : Arrays.copyOf(values, length);
        }
        if (presized || size <= MAX_BLOCK_LENGTH) {
            return toArray();
        }
        double[][] uniformBlocks = uniformBlocks();
        double[] sorted = BlockRadixSort.sort(uniformBlocks, Integer.numberOfTrailingZeros(MAX_BLOCK_LENGTH), size);
        clear();
        return sorted;
    }

    /** The blocks, those shorter than {@link #MAX_BLOCK_LENGTH} (which hold that many together) copied into one. */
    private double[][] uniformBlocks() {
        int shortBlocks = 0;
        while (blocks[shortBlocks].length < MAX_BLOCK_LENGTH) {
            shortBlocks++;
        }
        if (shortBlocks == 0) {
            return Arrays.copyOf(blocks, blockCount);
        }
        double[] first = new double[MAX_BLOCK_LENGTH];
        int copied = 0;
        for (int i = 0; i < shortBlocks; i++) {
            System.arraycopy(blocks[i], 0, first, copied, blocks[i].length);
            copied += blocks[i].length;
        }
        double[][] uniform = new double[blockCount - shortBlocks + 1][];
        uniform[0] = first;
        System.arraycopy(blocks, shortBlocks, uniform, 1, blockCount - shortBlocks);
        return uniform;
    }

    /** Drops every number kept. */
    void clear() {
        blocks = new double[4][];
        blockCount = 0;
        lastBlock = new double[0];
        lastBlockFill = 0;
        size = 0;
        capacity = 0;
        presized = false;
    }
}
