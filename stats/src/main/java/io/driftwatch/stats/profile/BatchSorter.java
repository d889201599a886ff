package io.driftwatch.stats.profile;

import java.util.Arrays;

/**
 * Sorts a numeric profile's pending values before they reach its KLL sketch. KLL sorts its lowest level at every
 * compaction (a quicksort of a few hundred doubles, the largest part of a sketch update); a level made of long
 * sorted runs costs it a merge instead. A batch of {@value #RADIX_MIN_LENGTH} values or more is sorted here by
 * radix on the doubles' bits, in linear time, so the batch's sort plus KLL's merge cost about half the quicksort.
 * Shorter batches go to {@link Arrays#sort}, cheaper at that size.
 *
 * <p>The order is {@link Double#compare}'s on finite values ({@code -0.0} before {@code 0.0}); callers pass no NaN.
 * The scratch arrays are reused, so an instance is not thread-safe: each thread takes its own ({@link #ofThisThread}).
 */
final class BatchSorter {
    static final int RADIX_MIN_LENGTH = 256;
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    private static final ThreadLocal<BatchSorter> PER_THREAD = ThreadLocal.withInitial(BatchSorter::new);

    private final int[] digitCounts = new int[1 << DIGIT_BITS];
    private long[] keys = new long[0];
    private long[] scratch = new long[0];

    static BatchSorter ofThisThread() {
        return PER_THREAD.get();
    }

    /** Sorts {@code values[0, length)} ascending. */
    void sort(double[] values, int length) {
        if (length < RADIX_MIN_LENGTH) {
            Arrays.sort(values, 0, length);
            return;
        }
        if (keys.length < length) {
            keys = new long[length];
            scratch = new long[length];
        }
        long[] in = keys;
        long[] out = scratch;
        for (int i = 0; i < length; i++) {
            in[i] = orderedKey(values[i]);
        }
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            if (countDigits(in, length, shift)) {
                distribute(in, out, length, shift);
                long[] sorted = out;
                out = in;
                in = sorted;
            }
        }
        for (int i = 0; i < length; i++) {
            values[i] = valueOf(in[i]);
        }
    }

    /** Counts each digit's keys; false when every key has the same digit, so the pass would move nothing. */
    private boolean countDigits(long[] in, int length, int shift) {
        Arrays.fill(digitCounts, 0);
        for (int i = 0; i < length; i++) {
            digitCounts[(int) ((in[i] >>> shift) & DIGIT_MASK)]++;
        }
        return digitCounts[(int) ((in[0] >>> shift) & DIGIT_MASK)] != length;
    }

    private void distribute(long[] in, long[] out, int length, int shift) {
        int start = 0;
        for (int digit = 0; digit < digitCounts.length; digit++) {
            int count = digitCounts[digit];
            digitCounts[digit] = start;
            start += count;
        }
        for (int i = 0; i < length; i++) {
            long key = in[i];
            out[digitCounts[(int) ((key >>> shift) & DIGIT_MASK)]++] = key;
        }
    }

    /** The double's bits with the order of the values as unsigned longs: negatives inverted, positives' sign set. */
    static long orderedKey(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> (Long.SIZE - 1)) | Long.MIN_VALUE);
    }

    static double valueOf(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }
}
