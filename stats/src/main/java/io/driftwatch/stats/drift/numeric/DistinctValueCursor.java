package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.sample.SortedSample;

/**
 * Walks the distinct values of the pooled reference and current samples in ascending order, giving at each one
 * how many values of each sample lie below it and at it. Every rank-, ECDF- and tie-based statistic here is a
 * single pass of this cursor, O(n + m) on the sorted samples with no allocation. Mutable and single-threaded:
 * a test creates one per call.
 */
final class DistinctValueCursor {
    private final SortedSample reference;
    private final SortedSample current;
    private int referenceBelow;
    private int referenceAtOrBelow;
    private int currentBelow;
    private int currentAtOrBelow;
    private double value = Double.NaN;

    DistinctValueCursor(SortedSample reference, SortedSample current) {
        this.reference = reference;
        this.current = current;
    }

    /** Moves to the next distinct pooled value; false once all values have been visited. */
    boolean advance() {
        referenceBelow = referenceAtOrBelow;
        currentBelow = currentAtOrBelow;
        boolean referenceLeft = referenceAtOrBelow < reference.size();
        boolean currentLeft = currentAtOrBelow < current.size();
        if (!referenceLeft && !currentLeft) {
            return false;
        }
        if (!currentLeft) {
            value = reference.get(referenceAtOrBelow);
        } else if (!referenceLeft) {
            value = current.get(currentAtOrBelow);
        } else {
            value = Math.min(reference.get(referenceAtOrBelow), current.get(currentAtOrBelow));
        }
        while (referenceAtOrBelow < reference.size() && reference.get(referenceAtOrBelow) == value) {
            referenceAtOrBelow++;
        }
        while (currentAtOrBelow < current.size() && current.get(currentAtOrBelow) == value) {
            currentAtOrBelow++;
        }
        return true;
    }

    double value() {
        return value;
    }

    int referenceBelow() {
        return referenceBelow;
    }

    int referenceAtOrBelow() {
        return referenceAtOrBelow;
    }

    int referenceTies() {
        return referenceAtOrBelow - referenceBelow;
    }

    int currentBelow() {
        return currentBelow;
    }

    int currentAtOrBelow() {
        return currentAtOrBelow;
    }

    int currentTies() {
        return currentAtOrBelow - currentBelow;
    }

    /** Values of both samples strictly below the current value. */
    long pooledBelow() {
        return (long) referenceBelow + currentBelow;
    }

    /** Values of both samples equal to the current value. */
    int pooledTies() {
        return referenceTies() + currentTies();
    }
}
