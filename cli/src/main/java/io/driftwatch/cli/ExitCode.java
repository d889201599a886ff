package io.driftwatch.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The exit codes of every driftwatch command, and what each means for each command, in one table: a script
 * or CI gate reads the same code the same way whatever the command, and every command's help is rendered
 * from this table ({@link #document}) rather than from a footer of its own that could drift from the code.
 * When several codes apply, {@link #BAD_INPUT} and {@link #FAILURE} win, then {@link #NOT_JUDGED}, then
 * {@link #FOUND}.
 */
public final class ExitCode {
    /** Success; for {@code check}, the data was judged and did not drift. */
    public static final int OK = 0;
    /** The condition the command looks for: drift ({@code check}), an expectation missing ({@code demo}), a failed check ({@code chaos}). */
    public static final int FOUND = 1;
    /** Bad input or usage: the command could not read what it was given; the message names the file, line and column. */
    public static final int BAD_INPUT = 2;
    /** An internal error, or a failure outside driftwatch: Kafka not reachable or not acknowledging. */
    public static final int FAILURE = 3;
    /** Data that cannot be judged fairly ({@code check}): a schema error, no column compared, too few rows. */
    public static final int NOT_JUDGED = 4;

    static final String HEADING = "%nExit codes (when several apply, 2 and 3 win, then 4, then 1):%n";

    private static final String BAD_INPUT_NAMED = "bad input or usage: the message names the file, line and column";
    private static final String INTERNAL = "an internal error";
    private static final String CONFIGURATION = "bad configuration (including credentials Kafka refuses)";
    private static final List<Map.Entry<Integer, String>> REPORTS = List.of(entry(OK, "printed the records"),
            entry(BAD_INPUT, "bad input or usage (a missing topic, a topic holding another record type, a bad --since,"
                    + " an unreadable --config)"),
            entry(FAILURE, "Kafka not reachable, or an internal error"));

    private static final Map<String, List<Map.Entry<Integer, String>>> BY_COMMAND = Map.ofEntries(
            entry("driftwatch", List.of(entry(OK, "success; for check, judged with no dataset drift"),
                    entry(FOUND, "the condition the command looks for: drift (check), an expectation missing (demo),"
                            + " a failed check (chaos)"),
                    entry(BAD_INPUT, "bad input or usage: the command could not read what it was given"),
                    entry(FAILURE, "an internal error, or a failure outside driftwatch (Kafka not reachable or not"
                            + " acknowledging)"),
                    entry(NOT_JUDGED, "the data cannot be judged fairly (check)"))),
            entry("driftwatch check", List.of(entry(OK, "judged, no dataset drift"),
                    entry(FOUND, "dataset drift (with a chunker: in the whole file or in any of its chunks)"),
                    entry(BAD_INPUT, BAD_INPUT_NAMED), entry(FAILURE, INTERNAL),
                    entry(NOT_JUDGED, "not judged: a schema error (a column missing or empty, a type change), no column"
                            + " compared, or fewer current rows than --min-rows (the whole file's; a chunk not judged says so"
                            + " in the report)"))),
            entry("driftwatch baseline", List.of(entry(OK, "built (and written or published)"),
                    entry(BAD_INPUT, BAD_INPUT_NAMED + "; or a topic that exists without compaction"),
                    entry(FAILURE, "Kafka not reachable or did not acknowledge the baseline within a minute, or an internal error"))),
            entry("driftwatch run", List.of(entry(OK, "stopped cleanly"), entry(BAD_INPUT, CONFIGURATION),
                    entry(FAILURE, INTERNAL))),
            entry("driftwatch alerts", List.of(entry(OK, "stopped cleanly"), entry(BAD_INPUT, CONFIGURATION),
                    entry(FAILURE, "the consumer failed (the cause is logged; restart it: nothing is lost), or an internal error"))),
            entry("driftwatch triggers", List.of(entry(OK, "printed the triggers"),
                    entry(BAD_INPUT, "bad input or usage (a missing topic, an unreadable --config)"),
                    entry(FAILURE, "Kafka not reachable, or an internal error"))),
            entry("driftwatch analyze", List.of(entry(OK, "judged, no dataset drift"), entry(FOUND, "dataset drift"),
                    entry(BAD_INPUT, "bad input or usage: a bad time or option, a missing topic or baseline, or a span"
                            + " with no window on the profiles topic (the message names the oldest window still there)"),
                    entry(FAILURE, "Kafka not reachable, or an internal error"),
                    entry(NOT_JUDGED, "not judged: a schema error, no column compared, or fewer current records than"
                            + " driftwatch.window.min.records"))),
            entry("driftwatch reports", List.of(entry(OK, "printed the usage"), entry(BAD_INPUT, "bad usage"),
                    entry(FAILURE, INTERNAL))),
            entry("driftwatch reports drift", REPORTS),
            entry("driftwatch reports quality", REPORTS),
            entry("driftwatch reports profiles", REPORTS),
            entry("driftwatch reports dead-letters", REPORTS),
            entry("driftwatch produce", List.of(entry(OK, "every record was acknowledged"), entry(BAD_INPUT, BAD_INPUT_NAMED),
                    entry(FAILURE, "Kafka not reachable or some records not acknowledged (the message says how many and the"
                            + " first error), or an internal error"))),
            entry("driftwatch policy", List.of(entry(OK, "printed the usage"), entry(BAD_INPUT, "bad usage"),
                    entry(FAILURE, INTERNAL))),
            entry("driftwatch policy validate", List.of(entry(OK, "every file is a valid policy"),
                    entry(BAD_INPUT, "a file is missing or not a valid policy: each problem as FILE:LINE:COL: message"),
                    entry(FAILURE, INTERNAL))),
            entry("driftwatch policy show", List.of(entry(OK, "printed the effective policy"),
                    entry(BAD_INPUT, "a policy file is not valid (FILE:LINE:COL: message), two are for the same model and"
                            + " version, --config cannot be read, or the policies topic does not exist"),
                    entry(FAILURE, "Kafka not reachable (--bootstrap-servers), or an internal error"))),
            entry("driftwatch policy publish", List.of(entry(OK, "every file was published"),
                    entry(BAD_INPUT, "a file is not a valid policy (FILE:LINE:COL: message), or two are for the same model"
                            + " and version: nothing was published"),
                    entry(FAILURE, "Kafka did not take a record (the message says what to check), or an internal error"))),
            entry("driftwatch policy list", List.of(entry(OK, "printed the policies on the topic"),
                    entry(BAD_INPUT, "bad input or usage (no policies topic, an unreadable --config)"),
                    entry(FAILURE, "Kafka not reachable, or an internal error"))),
            entry("driftwatch policy infer", List.of(entry(OK, "printed or wrote the inferred policy"),
                    entry(BAD_INPUT, BAD_INPUT_NAMED + "; or fewer training rows than a policy is inferred from"),
                    entry(FAILURE, INTERNAL))),
            entry("driftwatch demo", List.of(entry(OK, "every planted problem was found"),
                    entry(FOUND, "one was missed (the summary names it)"), entry(BAD_INPUT, "bad options"),
                    entry(FAILURE, INTERNAL))),
            entry("driftwatch chaos", List.of(entry(OK, "every check passed"), entry(FOUND, "a check failed"),
                    entry(BAD_INPUT, "an unknown scenario or a bad option"), entry(FAILURE, INTERNAL))),
            entry("driftwatch bench", List.of(entry(OK, "measured"), entry(BAD_INPUT, "bad options"),
                    entry(FAILURE, "a benchmark failed (a decoder error, a trigger missing, a timeout), or an internal error"))),
            entry("driftwatch bench decode", List.of(entry(OK, "measured"), entry(BAD_INPUT, "bad options"),
                    entry(FAILURE, "a decoder failed on a benchmark record, or an internal error"))),
            entry("driftwatch bench stream", List.of(entry(OK, "measured"), entry(BAD_INPUT, "bad options"),
                    entry(FAILURE, "the run failed (a record dead-lettered, a timeout), or an internal error"))),
            entry("driftwatch bench latency", List.of(entry(OK, "measured"), entry(BAD_INPUT, "bad options"),
                    entry(FAILURE, "the run failed (a trigger missing or repeated, a timeout), or an internal error"))));

    private ExitCode() {
    }

    /**
     * The codes {@code command} (its qualified name, e.g. {@code driftwatch bench stream}) returns, each with
     * what it means there, in ascending order of code.
     *
     * @throws IllegalArgumentException when the table has no row for the command: a new command must say its codes
     */
    public static Map<String, String> lines(String command) {
        List<Map.Entry<Integer, String>> codes = BY_COMMAND.get(command);
        if (codes == null) {
            throw new IllegalArgumentException("ExitCode has no exit codes for '" + command + "'; add its row");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        codes.forEach(code -> lines.put(Integer.toString(code.getKey()), code.getValue()));
        return lines;
    }

    /**
     * Puts each command's codes into its help, under {@link #HEADING}, for {@code commandLine} and its subcommands;
     * public so that the developers' tools jar documents the commands it adds ({@code demo}, {@code bench},
     * {@code chaos}), whose rows stay in this one table.
     */
    public static void document(CommandLine commandLine) {
        if (commandLine.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        CommandLine.Model.UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.exitCodeListHeading(HEADING);
        usage.exitCodeList(lines(commandLine.getCommandSpec().qualifiedName()));
        commandLine.getSubcommands().values().forEach(ExitCode::document);
    }
}
