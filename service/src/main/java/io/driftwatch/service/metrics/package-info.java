/**
 * Exposing a driftwatch process's meters to Prometheus: the registry, the JVM binders, the HTTP endpoint, and
 * retiring the meters of model versions that have gone quiet.
 */
@NullMarked
package io.driftwatch.service.metrics;

import org.jspecify.annotations.NullMarked;
