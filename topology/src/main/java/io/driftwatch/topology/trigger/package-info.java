/**
 * Retraining triggers: the rules that turn a sequence of window reports into a request for CI, with
 * deterministic ids and a cool-down, so a replay repeats no trigger and a storm of drifted windows is one.
 */
@NullMarked
package io.driftwatch.topology.trigger;

import org.jspecify.annotations.NullMarked;
