/**
 * Statistics shared by the batch {@code check} command and the streaming topologies: samples, profiles,
 * sketches and drift tests. Nothing here imports Kafka; the module has no Kafka dependency, so the rule
 * holds by construction rather than by review.
 */
@NullMarked
package io.driftwatch.stats;

import org.jspecify.annotations.NullMarked;
