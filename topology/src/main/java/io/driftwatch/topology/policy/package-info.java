/**
 * Per-model rules: the policies topic read into a global store of accepted policies, each checked on arrival by a
 * {@link io.driftwatch.topology.policy.ModelRulesSource} the caller supplies (a policy format the topology does not
 * know), and the rules each model version is judged by when its window closes, so a new policy applies without a
 * restart.
 */
@NullMarked
package io.driftwatch.topology.policy;

import org.jspecify.annotations.NullMarked;
