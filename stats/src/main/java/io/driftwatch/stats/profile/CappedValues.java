package io.driftwatch.stats.profile;

import java.util.Arrays;

/**
 * The raw values of a column while there are at most {@code cap} of them; once the cap is exceeded they
 * are dropped for good and only the profile's sketch remains. Values are kept in arrival order (a merge
 * appends), which only matters for the serialized bytes: every user of the values sorts them. Not thread-safe.
 */
final class CappedValues {
    private final int cap;
    private double[] values;
    private int size;
    private boolean dropped;

    CappedValues(int cap) {
        this.cap = cap;
        this.values = new double[Math.min(cap, 16)];
    }

    static CappedValues dropped(int cap) {
        CappedValues capped = new CappedValues(cap);
        capped.drop();
        return capped;
    }

    static CappedValues of(double[] values, int cap) {
        CappedValues capped = new CappedValues(cap);
        capped.values = values.clone();
        capped.size = values.length;
        return capped;
    }

    void add(double value) {
        if (dropped) {
            return;
        }
        if (size == cap) {
            drop();
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min(cap, 2L * size));
        }
        values[size++] = value;
    }

    void addAll(CappedValues other) {
        if (dropped) {
            return;
        }
        if (other.dropped || (long) size + other.size > cap) {
            drop();
            return;
        }
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, size + other.size);
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    boolean isHeld() {
        return !dropped;
    }

    /** A copy of the held values in arrival order; empty once dropped. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private void drop() {
        dropped = true;
        values = new double[0];
        size = 0;
    }
}
