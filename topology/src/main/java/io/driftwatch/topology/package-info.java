/**
 * Driftwatch's Kafka Streams topologies. They route records, hold state and call the statistics of
 * {@code driftwatch-stats}; they compute nothing themselves.
 */
@NullMarked
package io.driftwatch.topology;

import org.jspecify.annotations.NullMarked;
