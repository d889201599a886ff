/** The developers' command line: the production commands plus the demo, the benchmarks and the reliability suite. */
@NullMarked
package io.driftwatch.tools;

import org.jspecify.annotations.NullMarked;
