/**
 * Tumbling event-time windows of feature profiles: partial profiles per input partition, merged per model
 * version, closed once on stream time.
 */
@NullMarked
package io.driftwatch.topology.window;

import org.jspecify.annotations.NullMarked;
