/**
 * Mergeable per-column profiles: what the streaming topology keeps per (model, version, feature, window)
 * and what a published baseline holds. A profile counts missing values apart from valid ones, keeps exact
 * moments, a quantile or frequent-items sketch, and the raw values or counts while they are small, so that
 * a small window can still be tested exactly. {@link io.driftwatch.stats.profile.ProfileCodec} owns the
 * versioned binary form.
 */
@NullMarked
package io.driftwatch.stats.profile;

import org.jspecify.annotations.NullMarked;
