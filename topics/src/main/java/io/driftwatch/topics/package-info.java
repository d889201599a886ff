/** The topics driftwatch reads and writes, their serdes, and creating them so they are ready before use. */
@NullMarked
package io.driftwatch.topics;

import org.jspecify.annotations.NullMarked;
