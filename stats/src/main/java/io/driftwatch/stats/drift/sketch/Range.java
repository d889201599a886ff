package io.driftwatch.stats.drift.sketch;

/** A closed interval of statistic values, low <= high (both may be infinite). */
record Range(double low, double high) {
    static final Range ZERO = new Range(0, 0);

    Range plus(Range other) {
        return new Range(low + other.low, high + other.high);
    }

    Range union(Range other) {
        return new Range(Math.min(low, other.low), Math.max(high, other.high));
    }

    double clamp(double value) {
        return Math.max(low, Math.min(high, value));
    }
}
