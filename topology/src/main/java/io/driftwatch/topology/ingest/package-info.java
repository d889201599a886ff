/**
 * Reading the input topics: bytes are decoded inside the topology, so a record that cannot be read goes
 * to the dead-letter topic with its reason while the rest flow on.
 */
@NullMarked
package io.driftwatch.topology.ingest;

import org.jspecify.annotations.NullMarked;
