/**
 * The alerts process: its configuration and the consumer loop that turns alert events into emails, once.
 */
@NullMarked
package io.driftwatch.alerts;

import org.jspecify.annotations.NullMarked;
