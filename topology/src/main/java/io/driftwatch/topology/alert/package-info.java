/**
 * What the drift and the quality topologies share about the alert events they write for the alerts process:
 * the one counter of alert events emitted, whatever their kind.
 */
@NullMarked
package io.driftwatch.topology.alert;

import org.jspecify.annotations.NullMarked;
