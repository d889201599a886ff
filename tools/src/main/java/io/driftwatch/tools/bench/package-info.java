/**
 * {@code driftwatch bench}: benchmarks run as commands, each measuring driftwatch against a plain baseline
 * side by side in one run on the same input, so the ratio is meaningful on any machine.
 */
@NullMarked
package io.driftwatch.tools.bench;

import org.jspecify.annotations.NullMarked;
