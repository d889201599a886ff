package io.driftwatch.cli.tabular;

/**
 * The second buffer a radix sort of one column needs ({@link BlockRadixSort#sortInPlace}), shared by the columns of
 * one file read on one thread, which finish one after another: one column's worth of memory per file instead of one
 * per column. Grown to the longest column asked for. Not thread-safe.
 */
final class SortScratch {
    private double[] buffer = new double[0];

    /** An array of at least {@code length} numbers, its content undefined. */
    double[] atLeast(int length) {
        if (buffer.length < length) {
            buffer = new double[length];
        }
        return buffer;
    }
}
