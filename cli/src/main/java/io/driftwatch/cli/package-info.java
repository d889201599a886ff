/** The {@code driftwatch} command line: one picocli command class per subcommand. */
@NullMarked
package io.driftwatch.cli;

import org.jspecify.annotations.NullMarked;
