package io.driftwatch.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An option's old spelling, kept so that scripts written against it still run exactly as before while they
 * are moved to the new name: the old spelling gives the same value and prints one warning line naming the
 * new option. Old spellings are hidden from the help, so new scripts never learn them.
 */
final class DeprecatedOption {
    private DeprecatedOption() {
    }

    /**
     * The value of {@code option}, or of its deprecated {@code alias} (with the warning) when only that was given.
     *
     * @throws BadInputException when both were given: which one is meant is not clear
     */
    static <T> @Nullable T resolve(CommandSpec spec, String option, @Nullable T value, String alias, @Nullable T aliasValue)
            throws BadInputException {
        if (aliasValue == null) {
            return value;
        }
        if (value != null) {
            throw new BadInputException(alias + " is the deprecated spelling of " + option + "; give " + option + " only");
        }
        warn(spec, alias, option);
        return aliasValue;
    }

    /** Prints the one warning line for a deprecated {@code alias} of {@code option} to the command's error stream. */
    static void warn(CommandSpec spec, String alias, String option) {
        spec.commandLine().getErr().println("driftwatch: warning: " + alias + " is deprecated and will be removed; use "
                + option);
        spec.commandLine().getErr().flush();
    }
}
