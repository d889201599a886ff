package io.driftwatch.stats.arithmetic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact sum of a stream of doubles, held in a fixed-point accumulator wide enough for every double:
 * each addend's 53-bit significand is added, unrounded, into the 32-bit chunks it spans (a "long
 * accumulator" in Kulisch's sense). Because nothing is rounded away, the sum does not depend on the order
 * of the additions or on how a stream was split and merged, {@link #partials()} is the same for equal sums,
 * and {@link #value()} is the correctly rounded sum. An addition costs a few integer operations, whatever
 * the values: this runs for every value of every numeric feature, and for every labelled record's log loss
 * and errors. A sum that is not finite, or whose exact
 * value leaves the double range, is marked overflowed and reports NaN. Not thread-safe.
 */
public final class ExactSum {
    /** Codec marker for an overflowed sum; a finite sum has at most 66 partials. */
    public static final int OVERFLOWED = 255;

    /** Bit 0 of chunk 0 weighs 2^-1074, the least subnormal; chunk 65 holds the largest doubles' top bits. */
    private static final int CHUNKS = 68;
    private static final int CHUNK_BITS = 32;
    private static final long CHUNK_MASK = 0xFFFF_FFFFL;
    private static final int LEAST_EXPONENT = -1074;
    /** Additions before carries must propagate: each adds less than 2^32 to a chunk, a long holds 2^63. */
    private static final int CARRY_LIMIT = 1 << 30;

    private final long[] chunks = new long[CHUNKS];
    private int pendingCarries;
    private boolean overflowed;

    public void add(double x) {
        if (overflowed) {
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biasedExponent = (int) ((bits >>> 52) & 0x7FF);
        if (biasedExponent == 0x7FF) {
            markOverflowed();
            return;
        }
        long significand = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biasedExponent == 0) {
            if (significand == 0) {
                return;
            }
            biasedExponent = 1;
        } else {
            significand |= 1L << 52;
        }
        int position = biasedExponent - 1;
        int chunk = position >>> 5;
        int shift = position & 31;
        long low = (significand << shift) & CHUNK_MASK;
        long rest = significand >>> (CHUNK_BITS - shift);
        if (bits < 0) {
            chunks[chunk] -= low;
            chunks[chunk + 1] -= rest & CHUNK_MASK;
            chunks[chunk + 2] -= rest >>> CHUNK_BITS;
        } else {
            chunks[chunk] += low;
            chunks[chunk + 1] += rest & CHUNK_MASK;
            chunks[chunk + 2] += rest >>> CHUNK_BITS;
        }
        if (++pendingCarries == CARRY_LIMIT) {
            propagateCarries();
        }
    }

    /** Adds x*y exactly: the rounded product plus its rounding error, which {@link Math#fma} gives exactly. */
    public void addProduct(double x, double y) {
        double product = x * y;
        if (!Double.isFinite(product)) {
            markOverflowed();
            return;
        }
        add(product);
        add(Math.fma(x, y, -product));
    }

    public void addAll(ExactSum other) {
        if (other.overflowed) {
            markOverflowed();
            return;
        }
        if (overflowed) {
            return;
        }
        if ((long) pendingCarries + other.pendingCarries + 1 >= CARRY_LIMIT) {
            propagateCarries();
            other = other.copyWithCarriesPropagated();
        }
        for (int i = 0; i < CHUNKS; i++) {
            chunks[i] += other.chunks[i];
        }
        pendingCarries += other.pendingCarries + 1;
    }

    public boolean isOverflowed() {
        return overflowed;
    }

    /**
     * The sum as doubles whose exact sum it is: the non-zero 32-bit chunks of its magnitude, each with the
     * sum's sign, smallest first. Equal sums give equal partials; empty for a zero sum.
     */
    public double[] partials() {
        if (overflowed) {
            return new double[0];
        }
        BigInteger exact = exactScaled();
        BigInteger magnitude = exact.abs();
        List<Double> partials = new ArrayList<>();
        for (int chunk = 0; chunk * CHUNK_BITS < magnitude.bitLength(); chunk++) {
            long bits = magnitude.shiftRight(chunk * CHUNK_BITS).longValue() & CHUNK_MASK;
            if (bits != 0) {
                partials.add(exact.signum() * Math.scalb((double) bits, chunk * CHUNK_BITS + LEAST_EXPONENT));
            }
        }
        return partials.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Restores a sum from partials that {@link #partials()} produced; adding them is exact. */
    public static ExactSum ofPartials(double[] partials) {
        ExactSum sum = new ExactSum();
        for (double partial : partials) {
            sum.add(partial);
        }
        return sum;
    }

    public static ExactSum overflowedSum() {
        ExactSum sum = new ExactSum();
        sum.markOverflowed();
        return sum;
    }

    /** The exact sum rounded once to the nearest double (ties to even); NaN if overflowed or out of range. */
    public double value() {
        if (overflowed) {
            return Double.NaN;
        }
        BigInteger exact = exactScaled();
        BigInteger magnitude = exact.abs();
        int excessBits = magnitude.bitLength() - 53;
        double rounded;
        if (excessBits <= 0) {
            rounded = Math.scalb(magnitude.doubleValue(), LEAST_EXPONENT);
        } else {
            BigInteger kept = magnitude.shiftRight(excessBits);
            BigInteger dropped = magnitude.subtract(kept.shiftLeft(excessBits));
            int vsHalf = dropped.compareTo(BigInteger.ONE.shiftLeft(excessBits - 1));
            if (vsHalf > 0 || (vsHalf == 0 && kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            rounded = Math.scalb(kept.doubleValue(), excessBits + LEAST_EXPONENT);
        }
        return Double.isFinite(rounded) ? exact.signum() * rounded : Double.NaN;
    }

    /** The sum as an integer count of 2^-1074. */
    private BigInteger exactScaled() {
        BigInteger exact = BigInteger.ZERO;
        for (int i = CHUNKS - 1; i >= 0; i--) {
            exact = exact.shiftLeft(CHUNK_BITS).add(BigInteger.valueOf(chunks[i]));
        }
        return exact;
    }

    private void propagateCarries() {
        for (int i = 0; i < CHUNKS - 1; i++) {
            long carry = chunks[i] >> CHUNK_BITS;
            chunks[i] -= carry << CHUNK_BITS;
            chunks[i + 1] += carry;
        }
        pendingCarries = 0;
    }

    private ExactSum copyWithCarriesPropagated() {
        ExactSum copy = new ExactSum();
        System.arraycopy(chunks, 0, copy.chunks, 0, CHUNKS);
        copy.propagateCarries();
        return copy;
    }

    private void markOverflowed() {
        overflowed = true;
        Arrays.fill(chunks, 0);
        pendingCarries = 0;
    }
}
