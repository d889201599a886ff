/** Layers of policy merged key by key into the effective policy of a model version, with each value's source. */
@NullMarked
package io.driftwatch.policy.layer;

import org.jspecify.annotations.NullMarked;
