/**
 * A starting policy inferred from a model's training data, as TFDV's {@code infer_schema} gives a starting schema:
 * each column's type, expectations and default test with its calibrated threshold, and the columns that look like
 * no feature (ids, timestamps) under {@code features.exclude} with the reason, written as commented policy YAML that
 * the model's owner edits rather than writes from nothing.
 */
@NullMarked
package io.driftwatch.policy.infer;

import org.jspecify.annotations.NullMarked;
