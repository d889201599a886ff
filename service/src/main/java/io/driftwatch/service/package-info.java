/**
 * The streaming service's runtime: creating the topics it needs, building the topology and running it in Kafka
 * Streams with exactly-once processing, and stopping it cleanly.
 */
@NullMarked
package io.driftwatch.service;

import org.jspecify.annotations.NullMarked;
