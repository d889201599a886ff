/**
 * {@code driftwatch reports}: the drift reports, quality reports, window profiles and dead letters the service writes,
 * read from their topics and printed for a person (an aligned table) or a script (one JSON object per line).
 */
@NullMarked
package io.driftwatch.cli.reports;

import org.jspecify.annotations.NullMarked;
