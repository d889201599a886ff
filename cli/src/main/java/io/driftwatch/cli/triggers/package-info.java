/** Reading the trigger topic the way a CI job consumes it: committed records only, one JSON line each. */
@NullMarked
package io.driftwatch.cli.triggers;

import org.jspecify.annotations.NullMarked;
