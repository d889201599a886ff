/** Exposing a driftwatch process's meters to Prometheus: the registry, the JVM binders and the HTTP endpoint. */
@NullMarked
package io.driftwatch.app.metrics;

import org.jspecify.annotations.NullMarked;
