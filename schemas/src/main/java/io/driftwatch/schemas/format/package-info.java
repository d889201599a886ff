/** Decoding inference logs and labels from the three formats model servers write, with reasons on failure. */
@NullMarked
package io.driftwatch.schemas.format;

import org.jspecify.annotations.NullMarked;
