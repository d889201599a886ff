/**
 * What a closed window decided, as one typed value (its report, and the trigger and alert event it fired), and
 * the edges that route each part to its topic.
 */
@NullMarked
package io.driftwatch.topology.verdict;

import org.jspecify.annotations.NullMarked;
