/** {@code driftwatch policy validate} and {@code show}: policy files checked and merged offline. */
@NullMarked
package io.driftwatch.cli.policy;

import org.jspecify.annotations.NullMarked;
