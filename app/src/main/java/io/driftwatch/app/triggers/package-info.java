/** Reading the trigger topic the way a CI job consumes it: committed records only, one JSON line each. */
@NullMarked
package io.driftwatch.app.triggers;

import org.jspecify.annotations.NullMarked;
