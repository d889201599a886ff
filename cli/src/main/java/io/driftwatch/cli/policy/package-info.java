/**
 * {@code driftwatch policy validate}, {@code show} and {@code infer}: policy files checked and merged offline, and a
 * starting policy inferred from a training file.
 */
@NullMarked
package io.driftwatch.cli.policy;

import org.jspecify.annotations.NullMarked;
