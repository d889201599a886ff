/** Which alert events become which email, and when: grouping per model version, rate limits, retry backoff, sent ids. */
@NullMarked
package io.driftwatch.alerts.policy;

import org.jspecify.annotations.NullMarked;
