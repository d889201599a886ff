package io.driftwatch.cli.rank;

import io.driftwatch.stats.rank.RankingMethod;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * A feature ranking {@code check} was asked for.
 *
 * @param metric the metric a correlation ranking follows, as named on the command line; null for the default, and
 *               always for an alert-count ranking
 */
public record RankRequest(RankingMethod method, @Nullable String metric) {
    public RankRequest {
        requireNonNull(method, "method");
    }
}
