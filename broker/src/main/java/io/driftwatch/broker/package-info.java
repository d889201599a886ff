/** An embedded single-node KRaft Kafka broker: real Kafka, in-process, on free local ports. */
@NullMarked
package io.driftwatch.broker;

import org.jspecify.annotations.NullMarked;
