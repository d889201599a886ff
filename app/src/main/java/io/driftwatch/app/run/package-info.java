/** Running the topologies as a service: configuration, topics, Kafka Streams' lifecycle. */
@NullMarked
package io.driftwatch.app.run;

import org.jspecify.annotations.NullMarked;
