/**
 * Probes that look at a running driftwatch process from outside, as an operator's tools do: one scrape of its
 * Prometheus endpoint, and its heap as that endpoint reports it.
 */
@NullMarked
package io.driftwatch.testkit.probe;

import org.jspecify.annotations.NullMarked;
