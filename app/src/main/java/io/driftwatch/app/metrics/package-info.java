/** Exposing a driftwatch process's meters to Prometheus (the registry, the JVM binders, the HTTP endpoint), and reading them back from outside. */
@NullMarked
package io.driftwatch.app.metrics;

import org.jspecify.annotations.NullMarked;
