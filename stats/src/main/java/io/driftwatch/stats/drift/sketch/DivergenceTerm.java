package io.driftwatch.stats.drift.sketch;

/**
 * One bin's contribution g(p, q) to a binned statistic, and its exact range over a box of proportions.
 *
 * <p>Why corners suffice: every term here is jointly convex in (p, q), zero where p = q, increasing in
 * the larger argument and decreasing in the smaller one (PSI's (p - q) ln(p / q) and Jensen-Shannon's
 * p ln(2p / (p + q)) + q ln(2q / (p + q)) are sums of perspective functions; Pearson's (q - p)^2 / p is
 * quadratic over linear). So over a box [pLow, pHigh] x [qLow, qHigh] the maximum is at a corner (a
 * convex function peaks at a vertex), and the minimum is 0 when the two intervals overlap (the box meets
 * the diagonal) and otherwise at the corner nearest the diagonal. Summing the per-bin ranges ignores that
 * proportions sum to 1, which can only widen the range: the bound stays valid, if conservative.
 *
 * <p>Numeric bins share edges: bin i is G(i + 1) - G(i) with each G(j) in an interval. When every bin's
 * proportion stays positive over those intervals (so no fill applies), the statistic is a convex function of
 * the G's, whose maximum over their box is at a vertex; a dynamic program over the chain of edges (four
 * vertex choices per edge) finds it exactly, and it is never above the per-bin sum, so the smaller is used.
 */
enum DivergenceTerm {
    /** (p - q) ln(p / q) on proportions whose zeros became 1e-4 (EmptyBinFill.CONSTANT). */
    PSI {
        @Override
        double term(double p, double q) {
            return rawTerm(p == 0 ? EMPTY_FILL : p, q == 0 ? EMPTY_FILL : q);
        }

        @Override
        double rawTerm(double p, double q) {
            return (p - q) * Math.log(p / q);
        }

        @Override
        Range range(double pLow, double pHigh, double qLow, double qHigh, long referenceCount, long currentCount) {
            // A proportion is a count over n: it is either 0 (then filled) or at least 1 / n, and the fill
            // makes the term jump at 0, so the zero point and the positive part are boxed separately.
            Range range = null;
            for (double[] p : filledPieces(pLow, pHigh, referenceCount)) {
                for (double[] q : filledPieces(qLow, qHigh, currentCount)) {
                    Range piece = convexRange(p[0], p[1], q[0], q[1]);
                    range = range == null ? piece : range.union(piece);
                }
            }
            return range == null ? Range.ZERO : range;
        }

        /**
         * Each untracked term is at most (p + q) |ln(p / q)| with both filled proportions between the
         * smallest and largest value either can take; summed, p and q add up to at most the untracked mass
         * plus one fill per category (a category has at least one side non-zero).
         */
        @Override
        double untrackedUpperBound(ProportionBoxes.UntrackedCategories untracked, long referenceCount,
                                   long currentCount) {
            double largest = Math.max(EMPTY_FILL, Math.max(untracked.referenceMaxProportion(),
                    untracked.currentMaxProportion()));
            double smallest = Math.min(EMPTY_FILL, Math.min(1.0 / referenceCount, 1.0 / currentCount));
            double mass = untracked.referenceMass() + untracked.currentMass() + EMPTY_FILL * untracked.maxCount();
            return mass * Math.log(largest / smallest);
        }
    },
    /** p ln(2p / (p + q)) + q ln(2q / (p + q)) in nats: twice the Jensen-Shannon divergence's bin term. */
    JENSEN_SHANNON {
        @Override
        double rawTerm(double p, double q) {
            double mixture = (p + q) / 2;
            return entropyTerm(p, mixture) + entropyTerm(q, mixture);
        }

        /** Each term is at most (p + q) ln 2 (reached when the other side is 0): no category count needed. */
        @Override
        double untrackedUpperBound(ProportionBoxes.UntrackedCategories untracked, long referenceCount,
                                   long currentCount) {
            return (untracked.referenceMass() + untracked.currentMass()) * Math.log(2);
        }
    },
    /** (q - p)^2 / p: Pearson's term on proportions, p > 0 (a reference category). */
    CHI_SQUARE {
        @Override
        double rawTerm(double p, double q) {
            double deviation = q - p;
            return deviation * deviation / p;
        }
    };

    static final double EMPTY_FILL = 1e-4;

    /** The term at proportions p and q, as the exact test computes it (PSI fills zeros first). */
    double term(double p, double q) {
        return rawTerm(p, q);
    }

    /** The convex, diagonal-zero formula itself, on proportions already filled where the test fills. */
    abstract double rawTerm(double p, double q);

    /**
     * The most the categories that neither profile tracks can add; never called for Pearson's term, whose
     * untracked part {@link SketchChiSquare} bounds itself.
     */
    double untrackedUpperBound(ProportionBoxes.UntrackedCategories untracked, long referenceCount, long currentCount) {
        throw new UnsupportedOperationException(name() + " has no untracked-category bound");
    }

    /** Whether {@link #untrackedUpperBound} relies on the HLL bound on the number of untracked categories. */
    boolean needsUntrackedCount() {
        return this == PSI;
    }

    /** The range of the term over p in [pLow, pHigh], q in [qLow, qHigh]. */
    Range range(double pLow, double pHigh, double qLow, double qHigh, long referenceCount, long currentCount) {
        return convexRange(pLow, pHigh, qLow, qHigh);
    }

    /** Sum of the per-bin ranges, plus what untracked categories can add to the upper end. */
    Range range(ProportionBoxes boxes) {
        Range total = Range.ZERO;
        for (int i = 0; i < boxes.binCount(); i++) {
            total = total.plus(range(boxes.referenceLow()[i], boxes.referenceHigh()[i], boxes.currentLow()[i],
                    boxes.currentHigh()[i], boxes.referenceCount(), boxes.currentCount()));
        }
        ProportionBoxes.CumulativeBounds cumulative = boxes.cumulative();
        if (cumulative != null) {
            total = new Range(total.low(), Math.min(total.high(), chainMaximum(cumulative)));
        }
        ProportionBoxes.UntrackedCategories untracked = boxes.untracked();
        if (untracked != null) {
            total = total.plus(new Range(0, untrackedUpperBound(untracked, boxes.referenceCount(), boxes.currentCount())));
        }
        return total;
    }

    /**
     * The maximum of the summed terms over all G's in their intervals, or +infinity when some bin's
     * proportion can reach 0 (where PSI's fill breaks convexity).
     */
    private double chainMaximum(ProportionBoxes.CumulativeBounds cumulative) {
        double[][] reference = {cumulative.referenceLow(), cumulative.referenceHigh()};
        double[][] current = {cumulative.currentLow(), cumulative.currentHigh()};
        int edges = reference[0].length;
        for (int j = 1; j < edges; j++) {
            if (!(reference[0][j] - reference[1][j - 1] > 0 && current[0][j] - current[1][j - 1] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        // best[r][c]: the largest sum over bins left of edge j with G_ref(j) at end r and G_cur(j) at end c.
        double[][] best = {{0, 0}, {0, 0}};
        for (int j = 1; j < edges; j++) {
            double[][] next = new double[2][2];
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    double largest = Double.NEGATIVE_INFINITY;
                    for (int previousR = 0; previousR < 2; previousR++) {
                        for (int previousC = 0; previousC < 2; previousC++) {
                            largest = Math.max(largest, best[previousR][previousC] + rawTerm(
                                    reference[r][j] - reference[previousR][j - 1],
                                    current[c][j] - current[previousC][j - 1]));
                        }
                    }
                    next[r][c] = largest;
                }
            }
            best = next;
        }
        return Math.max(Math.max(best[0][0], best[0][1]), Math.max(best[1][0], best[1][1]));
    }

    /** Sum of the terms at the point estimates. */
    double estimate(ProportionBoxes boxes) {
        double total = 0;
        for (int i = 0; i < boxes.binCount(); i++) {
            total += term(boxes.referenceEstimate()[i], boxes.currentEstimate()[i]);
        }
        return total;
    }

    final Range convexRange(double pLow, double pHigh, double qLow, double qHigh) {
        double max = Math.max(Math.max(rawTerm(pLow, qLow), rawTerm(pLow, qHigh)),
                Math.max(rawTerm(pHigh, qLow), rawTerm(pHigh, qHigh)));
        double min;
        if (pLow > qHigh) {
            min = rawTerm(pLow, qHigh);
        } else if (qLow > pHigh) {
            min = rawTerm(pHigh, qLow);
        } else {
            min = 0;
        }
        return new Range(min, max);
    }

    /** The pieces of [low, high] a filled proportion of n values can take: the fill, and [1 / n, high]. */
    private static double[][] filledPieces(double low, double high, long count) {
        double smallestPositive = 1.0 / count;
        boolean zeroPossible = low <= 0;
        boolean positivePossible = high >= smallestPositive;
        double[] fill = {EMPTY_FILL, EMPTY_FILL};
        double[] positive = {Math.max(low, smallestPositive), high};
        if (zeroPossible && positivePossible) {
            return new double[][] {fill, positive};
        }
        if (!zeroPossible && !positivePossible) {
            // Only rounding can produce an interval strictly between 0 and 1 / n; keep it as it is.
            return new double[][] {{low, high}};
        }
        return zeroPossible ? new double[][] {fill} : new double[][] {positive};
    }

    private static double entropyTerm(double x, double mixture) {
        return x == 0 ? 0 : x * Math.log(x / mixture);
    }
}
