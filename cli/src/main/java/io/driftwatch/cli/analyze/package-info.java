/**
 * {@code driftwatch analyze}: any span of closed windows merged from the profiles topic and compared, with the engine
 * {@code check} and the stream use, with the model version's baseline or with another span.
 */
@NullMarked
package io.driftwatch.cli.analyze;

import org.jspecify.annotations.NullMarked;
