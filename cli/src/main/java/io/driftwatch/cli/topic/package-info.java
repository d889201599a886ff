/**
 * Reading driftwatch's output topics from the command line: what {@code triggers}, {@code reports} and {@code analyze}
 * share.
 */
@NullMarked
package io.driftwatch.cli.topic;

import org.jspecify.annotations.NullMarked;
