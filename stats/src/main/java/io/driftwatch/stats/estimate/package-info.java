/**
 * Confidence-based performance estimation (CBPE) as NannyML computes it: a classifier's accuracy, precision,
 * recall, specificity, F1, business value, confusion matrix, ROC AUC and average precision estimated from its own
 * calibrated probabilities, for the windows whose labels have not arrived. Fitted on a labelled reference (the
 * isotonic calibrators, the sampling-error components, the thresholds from the reference chunks' realized
 * metrics), all plain values a baseline can store; per window a handful of mergeable sums
 * ({@link io.driftwatch.stats.estimate.ExpectedConfusion}, {@link io.driftwatch.stats.estimate.ExpectedOneVsRest})
 * and, for the ranking metrics, the held scores ({@link io.driftwatch.stats.estimate.RankedProbabilities}) or,
 * for a binary model in bounded memory, the calibrated probabilities
 * ({@link io.driftwatch.stats.estimate.ProbabilityRanking}, exact up to a cap, then within a stated bound).
 * Definitions follow NannyML commit 11ef5c86; each class names the differences where NannyML is random or
 * order-dependent.
 */
@NullMarked
package io.driftwatch.stats.estimate;

import org.jspecify.annotations.NullMarked;
